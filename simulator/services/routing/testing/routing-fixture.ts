// Test wiring of routing and the simulated Mon espace santé, as start-trust-space.ts wires them,
// without network: the real MessageStore, TransmissionLog, ConversationBook, notifier, router
// and Mon espace santé on the default fixtures, a queue for deferred work, a fixed clock.
import { ConversationBook } from '../../../domain/conversation-book.ts';
import { createTrustSpaceView } from '../../../domain/create-trust-space-view.ts';
import { AUTO_REPLY_ADDRESS } from '../../../domain/model.ts';
import type { TrustSpaceData } from '../../../domain/model.ts';
import { planRecipient } from '../../../domain/recipient-plan.ts';
import type { TrustSpaceView } from '../../../domain/trust-space-view.ts';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../../fixture-loading/load-fixtures.ts';
import { composeMessage } from '../../../protocols/mime/compose-message.ts';
import { MessageStore } from '../../store/message-store.ts';
import type { Envelope, Ingress, StoredMessage } from '../../store/stored-message.ts';
import { createMonEspaceSante, type ComposeInput, type MonEspaceSanteRuntime } from '../../mon-espace-sante/create-mon-espace-sante.ts';
import type { IncomingMessage, MailRouter } from '../incoming-message.ts';
import { createMailRouter } from '../mail-router.ts';
import { createNotifier, type Notifier } from '../notifier.ts';
import { TransmissionLog, type Transmission } from '../transmission-log.ts';

/** The fixed clock of every fixture: 2 March 2026, 09:30 UTC. */
export const NOW = new Date('2026-03-02T09:30:00.000Z');

/** Personas of fixtures/personas.json and fixtures/mailboxes.json. */
export const ADDRESSES = {
  louise: '284034912304586@patient.mssante.fr', // active, frequents pharmacie-du-parc
  louiseIns: '284034912304586',
  paulAntoine: '178042A00411701@patient.mssante.fr', // active, Corsica (2A)
  gerardOpposed: '152114908701235@patient.mssante.fr',
  yvetteClosed: '238067218103339@patient.mssante.fr',
  thomasNoProfile: '101097505607845@patient.mssante.fr',
  invalidKey: '284034912304599@patient.mssante.fr',
  autoReply: AUTO_REPLY_ADDRESS,
  pharmacieDuParc: 'pharmacie.duparc@pharmacien.mssante.fr', // ORG of Camille's pharmacy
  camille: 'camille.dupre@pharmacien.mssante.fr', // PER
  drMartin: 'paul.martin@ch-valbrume.mssante.fr', // PER
  secretariat: 'secretariat.cardiologie@ch-valbrume.mssante.fr', // ORG
  unknownMailbox: 'inconnu@medecin.mssante.fr', // whitelisted domain, no such mailbox
  notWhitelisted: 'laboratoire@ouest-esante-sim.mssante.fr', // simulated domain, absent from the liste blanche
} as const;

let fixtures: Promise<TrustSpaceData> | undefined;

/** The default fixtures, loaded once per test process. */
export function defaultFixtures(): Promise<TrustSpaceData> {
  fixtures ??= loadFixtures(DEFAULT_FIXTURES_DIR).then((loaded) => {
    if (!loaded.ok) throw new Error(`default fixtures invalid: ${JSON.stringify(loaded.problems)}`);
    return loaded.data;
  });
  return fixtures;
}

/** `defer` of the fixtures: work waits in a queue until `drain()`, so tests see the "later" explicitly. */
export class WorkQueue {
  readonly #jobs: (() => void | Promise<void>)[] = [];

  readonly defer = (work: () => void | Promise<void>): void => {
    this.#jobs.push(work);
  };

  get size(): number {
    return this.#jobs.length;
  }

  /** Runs the queued work in order, including work queued meanwhile; at most `limit` jobs. */
  async drain(limit = 100): Promise<number> {
    let ran = 0;
    for (let job = this.#jobs.shift(); job; job = this.#jobs.shift()) {
      if (ran === limit) throw new Error(`WorkQueue.drain: more than ${limit} jobs, runaway deferred work?`);
      await job();
      ran += 1;
    }
    return ran;
  }
}

export interface Delivered {
  readonly copy: StoredMessage;
  readonly transmission: Transmission;
}

export interface RoutingFixture {
  readonly view: TrustSpaceView;
  readonly store: MessageStore;
  readonly transmissions: TransmissionLog;
  readonly book: ConversationBook;
  readonly queue: WorkQueue;
  readonly notifier: Notifier;
  readonly router: MailRouter;
  readonly mes: MonEspaceSanteRuntime;
  /** Errors reported by the notifier (`onError`) and Mon espace santé, in order. */
  readonly errors: unknown[];
  /** Every call of the router's onPatientDelivery / onAutoReply, forwarded to Mon espace santé. */
  readonly patientDeliveries: Delivered[];
  readonly autoReplies: Delivered[];
}

export interface RoutingFixtureOptions {
  readonly compose?: (input: ComposeInput) => Promise<Buffer>;
}

export async function createRoutingFixture(options: RoutingFixtureOptions = {}): Promise<RoutingFixture> {
  const view = createTrustSpaceView(await defaultFixtures(), { whitelistUpdatedAt: NOW.toISOString() });
  const store = new MessageStore();
  const transmissions = new TransmissionLog();
  const book = new ConversationBook();
  const queue = new WorkQueue();
  const errors: unknown[] = [];
  const patientDeliveries: Delivered[] = [];
  const autoReplies: Delivered[] = [];
  const now = () => NOW;
  const notifier = createNotifier({ store, view: () => view, now, defer: queue.defer, onError: (error) => void errors.push(error) });
  const router = createMailRouter({ view: () => view, planRecipient, store, transmissions, notifier });
  const mes = createMonEspaceSante({
    view: () => view,
    store,
    book,
    route: (message) => router.route(message),
    compose: options.compose ?? composeMessage,
    now,
    defer: queue.defer,
    onError: (error) => void errors.push(error),
  });
  router.onPatientDomain({
    patientDelivery: (copy, transmission) => {
      patientDeliveries.push({ copy, transmission });
      mes.onPatientDelivery(copy, transmission);
    },
    autoReply: (copy, transmission) => {
      autoReplies.push({ copy, transmission });
      mes.onAutoReply(copy, transmission);
    },
  });
  return { view, store, transmissions, book, queue, notifier, router, mes, errors, patientDeliveries, autoReplies };
}

export interface MailSpec {
  readonly from: string;
  readonly fromName?: string;
  /** Header `To`, and the envelope recipients unless `envelope.rcptTo` is given. */
  readonly to: readonly string[];
  readonly subject?: string;
  /** Without angle brackets; default `msg-<n>@<sender domain>`. */
  readonly messageId?: string;
  /** Extra header fields, written as given after the standard ones. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly envelope?: Partial<Envelope>;
  readonly ingress?: Ingress;
}

let sequence = 0;

/** A hand-written raw message (CRLF, ASCII headers): exact control over every header field. */
export function rawMail(spec: MailSpec): Buffer {
  sequence += 1;
  const messageId = spec.messageId ?? `msg-${sequence}@${spec.from.slice(spec.from.indexOf('@') + 1)}`;
  const lines = [
    `From: ${spec.fromName ? `"${spec.fromName}" ` : ''}<${spec.from}>`,
    `To: ${spec.to.join(', ')}`,
    `Subject: ${spec.subject ?? 'Compte rendu'}`,
    'Date: Mon, 02 Mar 2026 09:29:00 +0000',
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...Object.entries(spec.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    '',
    spec.body ?? 'Bonjour,\r\nveuillez trouver le compte rendu.',
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** What an SMTP endpoint would hand to routing for `spec`, received at NOW. */
export function incoming(spec: MailSpec, raw: Buffer = rawMail(spec)): IncomingMessage {
  return {
    envelope: { mailFrom: spec.from, rcptTo: spec.to, ...spec.envelope },
    raw,
    ingress: spec.ingress ?? 'peer',
    receivedAt: NOW,
  };
}
