// Durable mode, start: the records of the data directory replayed in order into the live
// components, before any listener opens. Copies and transmissions go back under their own ids;
// observations are published again (journal, live flow, observation log rebuild themselves);
// patient profiles and trust-space changes are applied again, each at its place in the sequence,
// so that Mon espace santé's conversations see the view they saw. Records of copies the
// retention limit will evict are replayed without decoding their bytes.
import { isPatientMailbox } from '../domain/patient-address.ts';
import type { ObservationBus } from '../observation/observation-bus.ts';
import type { Observation } from '../observation/observation.ts';
import type { MonEspaceSanteRuntime } from '../services/mon-espace-sante/create-mon-espace-sante.ts';
import { survivingIds } from '../services/persistence/compaction.ts';
import type { DurableDirectory } from '../services/persistence/durable-directory.ts';
import { messageFileName, storedMessageFrom, transmissionFrom, type DurableRecord, type ObservationRecord, type TransmissionRecord } from '../services/persistence/durable-record.ts';
import type { TransmissionLog } from '../services/routing/transmission-log.ts';
import type { MessageStore } from '../services/store/message-store.ts';
import type { ReplayClock } from './replay-clock.ts';

export interface RestoreTargets {
  readonly bus: ObservationBus;
  readonly store: MessageStore;
  readonly transmissions: TransmissionLog;
  readonly mes: MonEspaceSanteRuntime;
  readonly clock: ReplayClock;
  readonly setPatientProfile: (ins: string, state: string) => void;
  readonly change: (change: unknown) => void;
}

export interface RestoreSummary {
  /** Copies held after the replay (messages, bounces, receipts). */
  readonly messages: number;
  readonly transmissions: number;
  /** The largest UIDVALIDITY given before: the next one must be larger. */
  readonly uidValidityAbove: number;
  /** Changes that no longer apply (the fixtures changed since they were made), in French. */
  readonly skipped: readonly string[];
}

const EMPTY = Buffer.alloc(0);

export function restoreRecords(directory: DurableDirectory, records: readonly DurableRecord[], targets: RestoreTargets): RestoreSummary {
  const { store, transmissions, clock } = targets;
  const surviving = survivingIds(records, store.maxMessages);
  /** The bytes of a kept copy or transmission (its readable .eml written again if missing); none for the others. */
  const bytes = (id: string, base64: string) => {
    if (!surviving.has(id)) return EMPTY;
    const raw = Buffer.from(base64, 'base64');
    directory.mirror(messageFileName(id), raw);
    return raw;
  };
  let uidValidityAbove = 0;
  const skipped: string[] = [];
  /** A profile or trust-space change replayed; one the current fixtures refuse is skipped and told. */
  const reapply = (what: string, at: string, work: () => void) => {
    try {
      clock.at(new Date(at), work);
    } catch (error) {
      skipped.push(`${what} du ${at} non réappliqué : ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const record of records) {
    switch (record.t) {
      case 'stored':
        clock.at(new Date(record.m.receivedAt), () => store.restore(storedMessageFrom(record.m, bytes(record.m.id, record.raw))));
        break;
      case 'accepted': {
        const transmission = transmissionFrom(record.tr, sharedBytes(record.tr.outcomes, bytes(record.tr.id, record.raw), store));
        clock.at(transmission.receivedAt, () => {
          transmissions.restore(transmission);
          for (const outcome of transmission.outcomes) {
            const copy = outcome.outcome === 'delivered' ? store.get(outcome.storedId) : undefined;
            if (copy && isPatientMailbox(copy.mailbox)) targets.mes.onPatientDelivery(copy, transmission);
          }
        });
        break;
      }
      case 'observation': {
        const observation = observationFrom(record.o, store);
        if (observation) clock.at(new Date(record.at), () => targets.bus.publish(observation));
        if (observation?.type === 'patient-action') targets.mes.restoreAction(observation, new Date(record.at));
        break;
      }
      case 'profile':
        reapply(`profil du patient ${record.ins} (${record.state})`, record.at, () => targets.setPatientProfile(record.ins, record.state));
        break;
      case 'change':
        reapply(`changement de l'espace de confiance ${JSON.stringify(record.change)}`, record.at, () => targets.change(record.change));
        break;
      case 'start':
        uidValidityAbove = Math.max(uidValidityAbove, record.uidValidity);
        break;
      case 'evicted':
        store.restoreEvictedCount(record.messages);
        break;
    }
  }
  return { messages: store.count(), transmissions: transmissions.count(), uidValidityAbove, skipped };
}

/**
 * The bytes as received, as a view into a delivered copy's bytes behind its trace lines
 * (Return-Path, Received) when the copy is still held (as the router does it live): held once
 * in memory, not twice.
 */
function sharedBytes(outcomes: TransmissionRecord['outcomes'], raw: Buffer, store: MessageStore): Buffer {
  for (const outcome of outcomes) {
    const copy = outcome.outcome === 'delivered' ? store.get(outcome.storedId) : undefined;
    if (!copy || copy.raw.length < raw.length) continue;
    const tail = copy.raw.subarray(copy.raw.length - raw.length);
    if (tail.equals(raw)) return tail;
  }
  return raw;
}

/** The observation as published, its store ids resolved; undefined when its message is no longer held. */
function observationFrom(record: ObservationRecord, store: MessageStore): Observation | undefined {
  if (record.type === 'report-issued') {
    const message = store.get(String(record.message));
    return message ? ({ ...record, message } as unknown as Observation) : undefined;
  }
  if (record.type === 'patient-action') {
    const { original: id, ...rest } = record;
    const original = typeof id === 'string' ? store.get(id) : undefined;
    return { ...rest, ...(original ? { original } : {}) } as unknown as Observation;
  }
  return record as unknown as Observation;
}
