// The live flow of a trust space: a reader of observations (simulator/observation) —
// accepted transmissions, reports the simulator issued, recipients refused at RCPT, patient
// actions Mon espace santé refused, patient profile changes, resets. Keeps an ordered, bounded
// list (oldest dropped first) with cheap pages and filters, and tells its own listeners (the
// server-sent events of the web UI) through typed callbacks.
import type { ObservationSource } from '../observation-bus.ts';
import { BoundedList } from './bounded-list.ts';
import { EvictedIds } from './evicted-ids.ts';
import { patientRefusalEntry, rcptRefusalEntry, reportEntries, transmissionEntries } from './derive-flow-entries.ts';
import type { FlowDraft, FlowEntry, PatientStateEvent } from './flow-entry.ts';
import { queryFlow, type FlowPage, type FlowQuery } from './flow-query.ts';

export const DEFAULT_FLOW_CAPACITY = 50_000;

export interface FlowListener {
  readonly entry?: (entry: FlowEntry) => void;
  readonly reset?: () => void;
  readonly patient?: (event: PatientStateEvent) => void;
}

export interface FlowRecorderOptions {
  readonly capacity?: number;
  /** Receives what a derivation throws: the flow never breaks the mail path. */
  readonly onError?: (error: unknown) => void;
  /**
   * Runs a derivation later (the trust space's DeferredWork): accepted mail and reports become
   * entries after the SMTP reply, off the reply path, in publication order; `settled()` waits for
   * them. Default: at once.
   */
  readonly defer?: (work: () => void) => void;
}

export class FlowRecorder {
  readonly #entries: BoundedList<FlowEntry>;
  readonly #listeners = new Set<FlowListener>();
  readonly #onError: (error: unknown) => void;
  readonly #defer: (work: () => void) => void;
  readonly #evicted = new EvictedIds();
  #sequence = 0;
  /** Counts resets: a derivation started before one knows its ids are gone. */
  #generation = 0;
  #scenario: string | undefined;

  constructor(options: FlowRecorderOptions = {}) {
    this.#entries = new BoundedList(options.capacity ?? DEFAULT_FLOW_CAPACITY);
    this.#onError = options.onError ?? ((error) => console.error('Flux en direct : entrée non enregistrée', error));
    this.#defer = options.defer ?? ((work) => work());
  }

  /** Reads the trust space's observations; call once. */
  attach(observations: ObservationSource): void {
    observations.on('message-accepted', (o) => this.#derive(() => transmissionEntries(o.transmission)));
    observations.on('report-issued', (o) => this.#derive(() => reportEntries(o)));
    // Four exchanges per message, rarely a refusal: only a refusal waits for its turn.
    observations.on('smtp-exchange', (o) => this.#now(() => rcptRefusalEntry(o)));
    observations.on('patient-action', (o) => this.#now(() => patientRefusalEntry(o)));
    observations.on('patient-profile-changed', (o) => this.#tell((listener) => listener.patient?.({ ins: o.ins, state: o.state })));
    observations.on('trust-space-reset', () => this.reset());
  }

  /** Listener of new entries, resets and patient changes; returns the unsubscribe function. */
  subscribe(listener: FlowListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Label of the entries recorded from now on (a cucumber scenario), or none. */
  setScenario(label: string | undefined): void {
    this.#scenario = label === undefined || label === '' ? undefined : label;
  }

  get scenario(): string | undefined {
    return this.#scenario;
  }

  list(query: FlowQuery = {}): FlowPage {
    const page = queryFlow(this.#entries, query);
    return { total: page.total, entries: page.entries.map((entry) => this.#evicted.strip(entry)) };
  }

  /** The retention limit evicted this stored copy (and every older one): entries read from now on lose its id. */
  storedEvicted(id: string): void {
    this.#evicted.stored(id);
  }

  /** The same for a transmission. */
  transmissionEvicted(id: string): void {
    this.#evicted.transmission(id);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Listeners subscribed now (open event streams): lets tests check none leaks. */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /**
   * The trust space was reset: its messages, transmissions and journal are gone. Entries of a
   * labelled scenario stay as the run's record, without their now dangling ids; the others go.
   */
  reset(): void {
    this.#generation += 1;
    this.#entries.retain((entry) => entry.scenario !== undefined, withoutIds);
    this.#tell((listener) => listener.reset?.());
  }

  /** A cheap derivation done at once; its entry, if any, is added in turn with the deferred ones. */
  #now(derive: () => FlowDraft | undefined): void {
    let draft: FlowDraft | undefined;
    try {
      draft = derive();
    } catch (error) {
      this.#onError(error);
      return;
    }
    if (draft) this.#derive(() => [draft]);
  }

  /**
   * Derives and adds later (options.defer), with the scenario label of now. Entries of a
   * transmission from before a reset are kept as a reset keeps them: labelled, without ids.
   */
  #derive(derive: () => FlowDraft[]): void {
    const scenario = this.#scenario;
    const generation = this.#generation;
    this.#defer(() => {
      let drafts: FlowDraft[];
      try {
        drafts = derive();
      } catch (error) {
        this.#onError(error);
        return;
      }
      const current = generation === this.#generation;
      if (!current && scenario === undefined) return;
      for (const draft of drafts) this.#add(current ? draft : withoutIds(draft), scenario);
    });
  }

  #add(draft: FlowDraft, scenario: string | undefined): void {
    this.#sequence += 1;
    const entry: FlowEntry = { id: `f-${String(this.#sequence).padStart(6, '0')}`, ...draft, ...(scenario ? { scenario } : {}) };
    this.#entries.push(entry);
    this.#tell((listener) => listener.entry?.(entry));
  }

  #tell(call: (listener: FlowListener) => void): void {
    for (const listener of [...this.#listeners]) call(listener);
  }
}

function withoutIds<T extends FlowDraft>({ storedId: _s, transmissionId: _t, connectionId: _c, ...kept }: T): Omit<T, 'storedId' | 'transmissionId' | 'connectionId'> {
  return kept;
}
