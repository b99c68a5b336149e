// Durable mode (--conserver): the data directory opened (lock, records read, torn tail cut),
// compacted when evicted records are most of it, replayed into the components (durable-restore.ts),
// cleaned of the message files no record keeps (a crash between a file and its record), then
// the writer attached for what happens next (durable-writer.ts), which goes on compacting the
// journal while running. Wired by the composition root only.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { compactRecords, survivingIds } from '../services/persistence/compaction.ts';
import type { DurableDirectory } from '../services/persistence/durable-directory.ts';
import { messageFileName } from '../services/persistence/durable-record.ts';
import { messageFileNames } from '../services/persistence/group-commit-log.ts';
import { restoreRecords, type RestoreSummary, type RestoreTargets } from './durable-restore.ts';
import { attachDurableWriter, type DurableWriter } from './durable-writer.ts';

/** What the banner says about the restart. */
export interface DurableRestart {
  readonly dir: string;
  readonly messages: number;
  readonly transmissions: number;
  /** The torn last record cut at start (a crash during a write). */
  readonly tornTail?: { readonly path: string; readonly bytes: number; readonly line: number };
  /** Records dropped by the compaction at start. */
  readonly compacted?: number;
  /** Changes not applied again (the fixtures changed since), in French. */
  readonly skipped: readonly string[];
}

export interface DurableMode {
  readonly restart: DurableRestart;
  readonly restored: RestoreSummary;
  /** Attaches the writer (after the replay): from then on, everything is written. `compactionBytes`: see live-compaction.ts. */
  attach(uidValidity: number, at: Date, compactionBytes?: number): DurableWriter;
  /** Releases the directory (the writer, when attached, is closed first). */
  close(): Promise<void>;
}

/** Replays the records of an opened directory (durable-directory.ts) into the components; releases it on failure. */
export function startDurableMode(directory: DurableDirectory, targets: RestoreTargets): DurableMode {
  try {
    const compacted = compactRecords(directory.records, targets.store.maxMessages);
    // Where each record lies in the journal: the compaction while running follows it from there.
    const recordBytes = compacted ? directory.rewrite(compacted) : directory.recordBytes;
    const records = compacted ?? directory.records;
    const restored = restoreRecords(directory, records, targets);
    const surviving = survivingIds(records, targets.store.maxMessages);
    const kept = new Set([...surviving].map(messageFileName));
    for (const name of messageFileNames(directory.messagesDir)) if (!kept.has(name)) rmSync(join(directory.messagesDir, name), { force: true });
    let writer: DurableWriter | undefined;
    return {
      restart: {
        dir: directory.dir,
        messages: restored.messages,
        transmissions: restored.transmissions,
        skipped: restored.skipped,
        ...(directory.tornTail ? { tornTail: { path: directory.journalPath, ...directory.tornTail } } : {}),
        ...(compacted ? { compacted: directory.records.length - compacted.length } : {}),
      },
      restored,
      attach(uidValidity, at, compactionBytes) {
        writer = attachDurableWriter(directory.openLog(), { bus: targets.bus, store: targets.store }, { records, recordBytes, surviving, ...(compactionBytes !== undefined ? { compactionBytes } : {}) });
        writer.started(uidValidity, at);
        return writer;
      },
      async close() {
        await writer?.close();
        directory.release();
      },
    };
  } catch (error) {
    directory.release();
    throw error;
  }
}
