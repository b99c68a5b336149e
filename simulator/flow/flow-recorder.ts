// The live flow of a trust space: listens to the message store (reports the simulator
// stored), the transmission log (every accepted message), the journal (RCPT refusals) and is
// told about Mon espace santé refusals, patient profile changes and resets by the composition
// root. Keeps an ordered, bounded list (oldest dropped first) with cheap pages and filters.
// Events: `entry` (FlowEntry), `reset`, `patient` (PatientStateEvent).
import { EventEmitter } from 'node:events';
import type { Journal, JournalDirection } from '../mail/journal.ts';
import type { MessageStore } from '../mail/message-store.ts';
import type { StoredMessage } from '../mail/stored-message.ts';
import type { Transmission, TransmissionLog } from '../routing/transmission-log.ts';
import { BoundedList } from './bounded-list.ts';
import { patientRefusalEntry, reportEntries, transmissionEntries, type RefusedAction } from './derive-flow-entries.ts';
import type { FlowDraft, FlowEntry, PatientStateEvent } from './flow-entry.ts';
import { queryFlow, type FlowPage, type FlowQuery } from './flow-query.ts';
import { RcptRefusalWatcher } from './rcpt-refusals.ts';

export const DEFAULT_FLOW_CAPACITY = 50_000;

export interface FlowSources {
  readonly store: MessageStore;
  readonly transmissions: TransmissionLog;
  /** Its `line` events give the RCPT refusals; absent (`--no-journal`), none is seen. */
  readonly journal?: Journal;
}

export interface FlowRecorderOptions {
  readonly capacity?: number;
  readonly now?: () => Date;
  /** Receives what a derivation throws: the flow never breaks the mail path. */
  readonly onError?: (error: unknown) => void;
}

export class FlowRecorder extends EventEmitter {
  readonly #entries: BoundedList<FlowEntry>;
  readonly #rcpt = new RcptRefusalWatcher();
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;
  #sequence = 0;
  #scenario: string | undefined;

  constructor(options: FlowRecorderOptions = {}) {
    super();
    this.setMaxListeners(0); // one listener per open event stream
    this.#entries = new BoundedList(options.capacity ?? DEFAULT_FLOW_CAPACITY);
    this.#now = options.now ?? (() => new Date());
    this.#onError = options.onError ?? ((error) => console.error('Flux en direct : entrée non enregistrée', error));
  }

  /** Subscribes to the trust space's records; call once. */
  attach(sources: FlowSources): void {
    sources.store.on('stored', (message: StoredMessage) => this.#derive(() => reportEntries(message)));
    sources.transmissions.on('transmitted', (transmission: Transmission) => this.#derive(() => transmissionEntries(transmission)));
    sources.journal?.on('line', (connectionId: string, direction: JournalDirection, text: string) =>
      this.#derive(() => {
        const draft = this.#rcpt.line(connectionId, direction, text, this.#now());
        return draft ? [draft] : [];
      }),
    );
    sources.journal?.on('close', (connectionId: string) => this.#rcpt.close(connectionId));
  }

  /** Label of the entries recorded from now on (a cucumber scenario), or none. */
  setScenario(label: string | undefined): void {
    this.#scenario = label === undefined || label === '' ? undefined : label;
  }

  get scenario(): string | undefined {
    return this.#scenario;
  }

  list(query: FlowQuery = {}): FlowPage {
    return queryFlow(this.#entries, query);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Mon espace santé refused a patient's reply or message (REG-MES-04). */
  patientRefused(action: RefusedAction): void {
    this.#derive(() => [patientRefusalEntry(action)]);
  }

  /** A patient's profile state changed (control API or demonstration). */
  patientChanged(event: PatientStateEvent): void {
    this.emit('patient', event);
  }

  /**
   * The trust space was reset: its messages, transmissions and journal are gone. Entries of a
   * labelled scenario stay as the run's record, without their now dangling ids; the others go.
   */
  reset(): void {
    this.#rcpt.clear();
    this.#entries.retain(
      (entry) => entry.scenario !== undefined,
      ({ storedId: _s, transmissionId: _t, connectionId: _c, ...kept }) => kept,
    );
    this.emit('reset');
  }

  #derive(derive: () => FlowDraft[]): void {
    let drafts: FlowDraft[];
    try {
      drafts = derive();
    } catch (error) {
      this.#onError(error);
      return;
    }
    for (const draft of drafts) this.#add(draft);
  }

  #add(draft: FlowDraft): void {
    this.#sequence += 1;
    const entry: FlowEntry = { id: `f-${String(this.#sequence).padStart(6, '0')}`, ...draft, ...(this.#scenario ? { scenario: this.#scenario } : {}) };
    this.#entries.push(entry);
    this.emit('entry', entry);
  }
}
