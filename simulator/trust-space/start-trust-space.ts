// The composition root (DESIGN.md §2, STYLE.md principle 3): the one place where fixtures,
// rules, stores, SMTP endpoints and the control API are wired together. Used by the CLI, the
// cucumber hooks, the wire tests and the benchmark.
import { join, resolve } from 'node:path';
import { TokenIssuer } from '../auth/token-issuer.ts';
import { ConversationBook } from '../domain/conversation-book.ts';
import { createTrustSpaceView } from '../domain/create-trust-space-view.ts';
import type { PatientProfileState, TrustSpaceData } from '../domain/model.ts';
import { planRecipient } from '../domain/recipient-plan.ts';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../fixtures/load-fixtures.ts';
import { composeMessage } from '../mail/compose-message.ts';
import { Journal } from '../mail/journal.ts';
import { MessageStore } from '../mail/message-store.ts';
import { createMonEspaceSante } from '../mes/create-mon-espace-sante.ts';
import { ensurePki } from '../pki/ensure-pki.ts';
import { createMailRouter } from '../routing/mail-router.ts';
import { createNotifier } from '../routing/notifier.ts';
import type { IncomingMessage, RouteResult } from '../routing/incoming-message.ts';
import { TransmissionLog } from '../routing/transmission-log.ts';
import { createPeerEndpoint } from '../smtp/peer-endpoint.ts';
import { createSubmissionEndpoint } from '../smtp/submission-endpoint.ts';
import { controlApiRoutes } from '../web/control-api.ts';
import { startHttpServer, type RunningHttpServer } from '../web/http-server.ts';
import type { ListeningAddress } from '../smtp/smtp-endpoint.ts';
import { DeferredWork } from './deferred-work.ts';
import { FixturesInvalidError } from './fixtures-invalid-error.ts';
import { UnknownPatientError } from './unknown-patient-error.ts';
import type { TrustSpace, TrustSpaceEndpoints, TrustSpaceSettings } from './trust-space.ts';

export { DEFAULT_FIXTURES_DIR };

export interface StartTrustSpaceOptions {
  readonly fixturesDir?: string;
  /** Interface of every listener; default loopback (DEVELOPERS.md, Security). */
  readonly host?: string;
  readonly submissionPort?: number;
  readonly peerPort?: number;
  readonly httpPort?: number;
  /** Where the test PKI is kept across restarts. */
  readonly dataDir?: string;
  readonly strictRecipients?: boolean;
  readonly passwordAuth?: boolean;
  /** Submission SIZE limit; default 30 MiB, above Mon espace santé's 25 Mo so that its bounce can happen. */
  readonly maxMessageBytes?: number;
  /** `false`: no SMTP transcripts (benchmarks). */
  readonly journal?: boolean;
  readonly now?: () => Date;
}

const DEFAULT_MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

export async function startTrustSpace(options: StartTrustSpaceOptions = {}): Promise<TrustSpace> {
  const fixturesDir = resolve(options.fixturesDir ?? DEFAULT_FIXTURES_DIR);
  const loaded = await loadFixtures(fixturesDir);
  if (!loaded.ok) throw new FixturesInvalidError(fixturesDir, loaded.problems);
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const defaults: TrustSpaceSettings = {
    strictRecipients: options.strictRecipients ?? false,
    passwordAuth: options.passwordAuth ?? true,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
  };
  const settings: TrustSpaceSettings = { ...defaults };
  const startedAt = now().toISOString();
  let data: TrustSpaceData = loaded.data;
  let view: TrustSpaceView = createTrustSpaceView(data, { whitelistUpdatedAt: startedAt });
  const currentView = () => view;

  const pki = await ensurePki({ dir: join(resolve(options.dataDir ?? '.data'), 'pki'), hostNames: serverHostNames(data, host), now });
  const store = new MessageStore();
  const journal = new Journal({ now });
  const transmissions = new TransmissionLog();
  const tokens = new TokenIssuer({ now });
  const book = new ConversationBook();
  const onError = (error: unknown) => console.error('Erreur interne du simulateur (message conservé) :', error);
  const deferred = new DeferredWork(onError);

  const notifier = createNotifier({ store, view: currentView, now, defer: deferred.defer, onError });
  let routeLater: (message: IncomingMessage) => RouteResult = () => {
    throw new Error('router used before wiring');
  };
  const mes = createMonEspaceSante({ view: currentView, store, book, route: (m) => routeLater(m), compose: composeMessage, now, defer: deferred.defer, onError });
  const router = createMailRouter({ view: currentView, planRecipient, store, transmissions, notifier, onPatientDelivery: mes.onPatientDelivery, onAutoReply: mes.onAutoReply });
  routeLater = (m) => router.route(m);

  const smtpCommon = { host, view: currentView, planRecipient, router, journal: options.journal === false ? null : journal, settings, now, hostname: 'mssante.simulateur.test' };
  const tls = { key: pki.serverKeyPem, cert: pki.serverCertPem };
  const submission = createSubmissionEndpoint({ ...smtpCommon, port: options.submissionPort ?? 0, tls, tokens });
  const peer = createPeerEndpoint({ ...smtpCommon, port: options.peerPort ?? 0, tls });

  let endpoints: TrustSpaceEndpoints | undefined;
  const space: TrustSpace = {
    get endpoints() {
      if (!endpoints) throw new Error('trust space endpoints read before start completed');
      return endpoints;
    },
    caCertPath: pki.caCertPath,
    caCertPem: pki.caCertPem,
    fixturesDir,
    settings,
    store,
    journal,
    transmissions,
    mes,
    tokens,
    view: currentView,
    setPatientProfile(ins, state: PatientProfileState) {
      if (!view.patient(ins)) throw new UnknownPatientError(ins);
      data = { ...data, patients: data.patients.map((p) => (p.ins.toUpperCase() === ins.toUpperCase() ? { ...p, profile: state } : p)) };
      view = createTrustSpaceView(data, { whitelistUpdatedAt: now().toISOString() });
    },
    settled: () => deferred.settled(),
    reset() {
      data = loaded.data;
      view = createTrustSpaceView(data, { whitelistUpdatedAt: startedAt });
      Object.assign(settings, defaults);
      store.clear();
      journal.clear();
      transmissions.clear();
      tokens.clear();
      mes.clear();
    },
    async stop() {
      await Promise.all([submission.stop(), peer.stop()]);
      await deferred.settled();
      await http?.close();
    },
  };

  const listening = await Promise.allSettled([submission.start(), peer.start(), startHttpServer({ host, port: options.httpPort ?? 0, routes: controlApiRoutes(space, { now }) })]);
  const failure = listening.find((r) => r.status === 'rejected');
  if (failure) {
    await Promise.all([submission.stop(), peer.stop(), listening[2].status === 'fulfilled' ? listening[2].value.close() : undefined]);
    throw failure.reason;
  }
  const [submissionAddress, peerAddress, http] = listening.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [ListeningAddress, ListeningAddress, RunningHttpServer];
  endpoints = {
    submission: { ...submissionAddress, tls: 'starttls' },
    peer: { ...peerAddress, tls: 'starttls-optional' },
    http: { host: http.host, port: http.port, baseUrl: http.baseUrl },
  };
  return space;
}

/** Names the server certificate carries: every simulated operator server, and the bind host. */
function serverHostNames(data: TrustSpaceData, host: string): string[] {
  const names = new Set(data.operators.flatMap((o) => o.servers.map((s) => s.host)));
  names.add('mssante.simulateur.test');
  if (!/^[\d.:]+$/.test(host)) names.add(host);
  return [...names].sort();
}
