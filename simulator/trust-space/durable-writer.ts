// Durable mode, while running: what the trust space stores, accepts and observes is queued on
// the group-commit log (services/persistence) as it happens (bytes encoded when the group is
// written); `durable()` is what the SMTP
// endpoints wait for before their `250`: one turn of the event loop, so that the bounces and
// receipts the routing scheduled are stored too, then the group's fsync. Each line goes with
// what it is, so that the journal is compacted while running once evicted messages are most of
// it (live-compaction.ts), as the next start would.
import type { ObservationBus } from '../observation/observation-bus.ts';
import type { Observation, Observed } from '../observation/observation.ts';
import { messageFileName, storedMessageRecord, transmissionRecord, type DurableRecord, type ObservationRecord } from '../services/persistence/durable-record.ts';
import type { GroupCommitLog } from '../services/persistence/group-commit-log.ts';
import { encodeRecordLine } from '../services/persistence/record-line.ts';
import { LiveCompaction, type LineTag } from '../services/persistence/live-compaction.ts';
import type { Transmission } from '../services/routing/transmission-log.ts';
import type { MessageStore } from '../services/store/message-store.ts';

/** Observations written as such; copies, transmissions and profiles have their own records. */
const OWN_RECORD = new Set<Observation['type']>(['message-stored', 'message-accepted', 'patient-profile-changed', 'trust-space-reset', 'imap-command']);

export interface DurableWriter {
  /** Resolves once what was done so far (and the reports scheduled by it) is on disk. */
  durable(): Promise<void>;
  change(change: unknown, at: Date): void;
  transmissionEvicted(transmission: Transmission): void;
  /** The UIDVALIDITY of this run (the next start gives a larger one). */
  started(uidValidity: number, at: Date): void;
  /** Trust space reset: the directory is emptied, then the start record written again. */
  cleared(uidValidity: number, at: Date): void;
  close(): Promise<void>;
}

/** The journal as read at start (after its compaction there): where the compaction while running starts from. */
export interface JournalAtStart {
  readonly records: readonly DurableRecord[];
  /** Byte length of each record's line. */
  readonly recordBytes: readonly number[];
  /** Ids of the copies and transmissions the retention limit keeps. */
  readonly surviving: ReadonlySet<string>;
  /** Droppable bytes before a compaction (live-compaction.ts). */
  readonly compactionBytes?: number;
}

export function attachDurableWriter(log: GroupCommitLog, sources: { readonly bus: ObservationBus; readonly store: MessageStore }, journal?: JournalAtStart): DurableWriter {
  const compaction = new LiveCompaction(journal?.compactionBytes);
  let offset = 0;
  journal?.records.forEach((record, i) => {
    const tag = tagOf(record);
    if (tag) compaction.written(tag, offset, tag.kind === 'state' ? encodeRecordLine(record) : '');
    if (tag && (tag.kind === 'stored' || tag.kind === 'accepted') && !journal.surviving.has(tag.id)) compaction.evicted(tag.id);
    offset += journal.recordBytes[i] ?? 0;
  });
  /** After a failure (a full disk…), tried again once the journal has grown by as much again. */
  let retryAbove = 0;
  log.observe({
    written: (tag, at, line) => compaction.written(tag, at, line),
    grouped: () => {
      const plan = log.size >= retryAbove ? compaction.plan(log.size) : undefined;
      if (plan) log.compact(plan);
    },
    cleared: () => compaction.cleared(),
    compacted: (done, error) => {
      compaction.finished(done);
      if (error === undefined) return;
      retryAbove = 2 * log.size;
      console.error(`Conservation : le journal n'a pas pu être compacté (${error instanceof Error ? error.message : String(error)}) ; il reste complet, nouvel essai quand il aura doublé.`);
    },
  });
  const append = (record: DurableRecord) => log.append(encodeRecordLine(record), tagOf(record));
  sources.store.onStored((message) => {
    const fields = storedMessageRecord(message);
    log.writeFile(messageFileName(message.id), () => message.raw);
    log.append(() => encodeRecordLine({ t: 'stored', m: fields, raw: message.raw.toString('base64') } satisfies DurableRecord), { kind: 'stored', id: message.id });
  });
  sources.store.onEvicted((message) => {
    log.removeFile(messageFileName(message.id));
    compaction.evicted(message.id);
  });
  sources.bus.on('message-accepted', ({ transmission }) => {
    const fields = transmissionRecord(transmission);
    log.writeFile(messageFileName(transmission.id), () => transmission.raw);
    log.append(() => encodeRecordLine({ t: 'accepted', tr: fields, raw: transmission.raw.toString('base64') } satisfies DurableRecord), { kind: 'accepted', id: transmission.id });
  });
  sources.bus.on('patient-profile-changed', (o) => append({ t: 'profile', at: o.at.toISOString(), ins: o.ins, state: o.state }));
  sources.bus.onAny((o) => {
    if (OWN_RECORD.has(o.type) || ('connectionId' in o && o.connectionId.startsWith('imap'))) return;
    append({ t: 'observation', at: o.at.toISOString(), o: observationRecord(o) });
  });
  return {
    durable: () => new Promise<void>((resolve) => setImmediate(resolve)).then(() => log.commit()),
    change: (change, at) => append({ t: 'change', at: at.toISOString(), change }),
    transmissionEvicted: (transmission) => {
      log.removeFile(messageFileName(transmission.id));
      compaction.evicted(transmission.id);
    },
    started: (uidValidity, at) => append({ t: 'start', at: at.toISOString(), uidValidity }),
    cleared(uidValidity, at) {
      log.clear();
      append({ t: 'start', at: at.toISOString(), uidValidity });
    },
    close: () => log.close(),
  };
}

/** What a record is for the compaction while running; observations are dropped with what precedes the cut. */
function tagOf(record: DurableRecord): LineTag | undefined {
  switch (record.t) {
    case 'stored':
      return { kind: 'stored', id: record.m.id };
    case 'accepted':
      return { kind: 'accepted', id: record.tr.id };
    case 'profile':
    case 'change':
    case 'start':
      return { kind: 'state' };
    case 'evicted':
      return { kind: 'evicted', messages: record.messages };
    default:
      return undefined;
  }
}

/** An observation as written: messages by store id, without its sequence number and date (kept in the record). */
function observationRecord(observed: Observed): ObservationRecord {
  const { seq: _seq, at: _at, ...observation } = observed;
  if (observation.type === 'report-issued') return { ...observation, message: observation.message.id };
  if (observation.type === 'patient-action') return { ...observation, ...(observation.original ? { original: observation.original.id } : {}) };
  return observation;
}
