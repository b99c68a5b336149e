// Which store and transmission ids the retention limit has evicted. Eviction goes oldest first
// and ids only increase (`m-000042`, `t-000042`), so one high-water mark per kind says it; flow
// entries read after it lose their dangling ids, as a reset leaves them (flow-recorder.ts).
import type { FlowEntry } from './flow-entry.ts';

function sequenceOf(id: string): number {
  return Number(id.slice(id.indexOf('-') + 1));
}

export class EvictedIds {
  #stored = 0;
  #transmissions = 0;

  stored(id: string): void {
    this.#stored = Math.max(this.#stored, sequenceOf(id));
  }

  transmission(id: string): void {
    this.#transmissions = Math.max(this.#transmissions, sequenceOf(id));
  }

  /** The entry as readers see it: without the ids of what was evicted. */
  strip(entry: FlowEntry): FlowEntry {
    const storedGone = entry.storedId !== undefined && sequenceOf(entry.storedId) <= this.#stored;
    const transmissionGone = entry.transmissionId !== undefined && sequenceOf(entry.transmissionId) <= this.#transmissions;
    if (!storedGone && !transmissionGone) return entry;
    const { storedId, transmissionId, ...kept } = entry;
    return { ...kept, ...(storedGone ? {} : { storedId }), ...(transmissionGone ? {} : { transmissionId }) };
  }
}
