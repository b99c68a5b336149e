// The composition root: the one place where fixtures,
// rules, stores, SMTP and IMAP endpoints, the simulated Pro Santé Connect, the directory and
// the control API are wired together. Used by the CLI, the cucumber hooks, the end-to-end
// tests and the benchmarks.
import { join, resolve } from 'node:path';
import { createMailboxAuthenticator } from '../services/auth/create-mailbox-authenticator.ts';
import { createPsc } from '../services/auth/psc/create-psc.ts';
import { PSC_REALM_PATH } from '../services/auth/psc/psc-constants.ts';
import { createDirectoryService } from '../services/directory/create-directory-service.ts';
import { DirectoryFaults } from '../services/directory/directory-faults.ts';
import { applyChange } from '../services/directory/trust-space-change.ts';
import { FlowRecorder } from '../observation/live-flow/flow-recorder.ts';
import { createObservations } from '../observation/create-observations.ts';
import { DEFAULT_OBSERVATION_CAPACITY } from '../observation/observation-log.ts';
import { observeDirectory } from '../observation/observe-directory.ts';
import { OperatorConsole } from '../services/operator-console/operator-console.ts';
import { accessCheck } from '../web/access-check.ts';
import { resolveActionToken } from '../web/action-token.ts';
import { SIMULATOR_HOST_NAME } from '../domain/postmaster.ts';
import { planRecipient } from '../domain/recipient-plan.ts';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../services/fixture-loading/load-fixtures.ts';
import { createImapEndpoint } from '../protocols/imap/imap-endpoint.ts';
import { DEFAULT_MAX_MESSAGES, MessageStore } from '../services/store/message-store.ts';
import { createClientCertificateStore } from '../services/pki/client-certificates.ts';
import { ensurePki } from '../services/pki/ensure-pki.ts';
import { resolveServerTls, type ServerTlsProfile } from '../services/pki/server-tls-profile.ts';
import { TransmissionLog } from '../services/routing/transmission-log.ts';
import { createPeerEndpoint } from '../protocols/smtp/peer-endpoint.ts';
import { createSubmissionEndpoint } from '../protocols/smtp/submission-endpoint.ts';
import { startHttpServer } from '../web/http-server.ts';
import { DeferredWork } from './deferred-work.ts';
import { FixturesInvalidError } from './fixtures-invalid-error.ts';
import { httpRoutes } from './http-routes.ts';
import { announcedEndpoints } from './announced-endpoints.ts';
import { startAll } from './start-all.ts';
import { ServerTlsSwitch } from './server-tls-switch.ts';
import { createMailFlow } from './mail-flow.ts';
import { observeDocumentMessages } from '../services/documents/document-checks-observer.ts';
import { TrustSpaceState } from './trust-space-state.ts';
import { startDurableMode } from './durable-mode.ts';
import { openDurableDirectory } from '../services/persistence/durable-directory.ts';
import type { DurableWriter } from './durable-writer.ts';
import { replayClock } from './replay-clock.ts';
import { mailboxRegistryFor } from '../protocols/imap/mailbox/mailbox-registry.ts';
import type { TrustSpaceChange } from '../services/directory/trust-space-change.ts';
import type { PatientProfileState } from '../domain/model.ts';
import type { RunningTrustSpace, TrustSpaceEndpoints, TrustSpaceSettings } from './trust-space.ts';

export { DEFAULT_FIXTURES_DIR };

/** `autoconfig.<domain>` of a domain the trust space hosts: where Thunderbird looks for its configuration. */
function isAutoconfigHost(name: string, view: TrustSpaceView): boolean {
  const domain = /^autoconfig\.(.+)$/.exec(name)?.[1];
  return domain !== undefined && view.isSimulatedDomain(domain);
}

export interface StartTrustSpaceOptions {
  readonly fixturesDir?: string;
  /** Interface of every listener; default loopback (DEVELOPERS.md, Security). */
  readonly host?: string;
  readonly submissionPort?: number;
  readonly peerPort?: number;
  readonly imapPort?: number;
  readonly imapsPort?: number;
  readonly httpPort?: number;
  /** Where the test PKI is kept across restarts. */
  readonly dataDir?: string;
  readonly strictRecipients?: boolean;
  readonly passwordAuth?: boolean;
  /** Submission SIZE limit; default 30 MiB, above Mon espace santé's 25 Mo so that its bounce can happen. */
  readonly maxMessageBytes?: number;
  /** Server certificate served by the TLS endpoints: negative modes let scenarios check that a client refuses it. */
  readonly tlsProfile?: ServerTlsProfile;
  /** `false`: no SMTP/IMAP transcripts (benchmarks). */
  readonly journal?: boolean;
  readonly directoryApiKey?: string;
  /** Bearer token of the HTTP port when `host` is not loopback (or `requireToken`; REG-DEC-01); generated when absent. */
  readonly actionToken?: string;
  /** Require the token even on loopback (a machine shared by several users; tests of the off-loopback rules). */
  readonly requireToken?: boolean;
  /** Off loopback, open reads (GET) without the token (--lecture-publique). */
  readonly publicReads?: boolean;
  /** Other names the HTTP port answers to in `Host` (--nom-hote), besides loopback, `host` and the announced server names. */
  readonly hostNames?: readonly string[];
  /**
   * Name announced to clients instead of the listening address (--annoncer-hote): in the
   * endpoints, hence the endpoints file, the banner, autoconfig and a driver's `configure`;
   * for a client in another container. Also accepted in the HTTP `Host` header.
   */
  readonly announcedHost?: string;
  /** Retention limit: copies kept before the oldest are evicted (store, transmissions, IMAP folders); default DEFAULT_MAX_MESSAGES. */
  readonly maxMessages?: number;
  /**
   * Durable mode (--conserver): what is accepted, stored, observed and changed is written to
   * `dataDir` before the SMTP `250`, and read back at start (durable-mode.ts).
   */
  readonly durable?: boolean;
  /** Durable mode: droppable bytes of the journal before it is compacted while running (live-compaction.ts; 64 MiB). */
  readonly durableCompactionBytes?: number;
  readonly now?: () => Date;
}

const DEFAULT_MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

export async function startTrustSpace(options: StartTrustSpaceOptions = {}): Promise<RunningTrustSpace> {
  const fixturesDir = resolve(options.fixturesDir ?? DEFAULT_FIXTURES_DIR);
  const loaded = await loadFixtures(fixturesDir);
  if (!loaded.ok) throw new FixturesInvalidError(fixturesDir, loaded.problems);
  // Held at recorded instants while durable mode replays its records.
  const clock = replayClock(options.now ?? (() => new Date()));
  const now = clock.now;
  const host = options.host ?? '127.0.0.1';
  const defaults: TrustSpaceSettings = {
    strictRecipients: options.strictRecipients ?? false,
    passwordAuth: options.passwordAuth ?? true,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
  };
  const settings: TrustSpaceSettings = { ...defaults };
  const state = new TrustSpaceState(loaded.data, now);
  // Durable mode: the data directory is checked and locked before anything is written to it.
  const durableDirectory = options.durable ? openDurableDirectory(options.dataDir ?? '.data') : undefined;
  const view = state.view;

  const pkiDir = join(resolve(options.dataDir ?? '.data'), 'pki');
  const hostNames = [...new Set([SIMULATOR_HOST_NAME, ...loaded.data.operators.flatMap((o) => o.servers.map((s) => s.host))])].sort();
  const pki = await ensurePki({ dir: pkiDir, hostNames, now });
  const serverTls = await resolveServerTls(pki, options.tlsProfile ?? 'valid', { now });
  const clientCertificates = createClientCertificateStore({ dir: pkiDir, ca: { certPem: pki.caCertPem, keyPem: pki.caKeyPem }, now });

  // Observations (simulator/observation): every publisher emits on the bus; the journal, the
  // live flow and the log (for the harness and the manual driver) read it.
  // Retention limit: the observation log keeps no more observations than messages, so that an
  // accepted-message or report observation never holds the bytes of an evicted message.
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  const { bus, journal, reader: observations } = createObservations({ now, logCapacity: Math.min(DEFAULT_OBSERVATION_CAPACITY, maxMessages) });
  const onError = (error: unknown) => console.error('Erreur interne du simulateur (message conservé) :', error);
  const deferred = new DeferredWork(onError);
  // Flow entries of accepted mail and reports are derived after the SMTP reply (settled() waits for them).
  const flow = new FlowRecorder({ defer: deferred.defer });
  flow.attach(bus);
  const store = new MessageStore({ maxMessages });
  store.onStored((message) => bus.publish({ type: 'message-stored', message }));
  const transcripts = options.journal === false ? null : bus;
  // Durable mode's writer, attached once its records are replayed (below).
  let writer: DurableWriter | undefined;
  const transmissions = new TransmissionLog((transmission) => bus.publish({ type: 'message-accepted', transmission }), {
    maxTransmissions: store.maxMessages,
    onEvicted: (transmission) => {
      flow.transmissionEvicted(transmission.id);
      writer?.transmissionEvicted(transmission);
    },
  });
  store.onEvicted((message) => flow.storedEvicted(message.id));
  const { router, mes } = createMailFlow({ view, store, transmissions, now, deferred, onError, observations: bus });
  // Document checks (SC.MSS/CONF.14, 15, 23–25) on every accepted message, after the SMTP reply.
  observeDocumentMessages({ source: bus, sink: bus, defer: deferred.defer });
  const setPatientProfile = (ins: string, profile: PatientProfileState) => {
    state.setPatientProfile(ins, profile);
    bus.publish({ type: 'patient-profile-changed', ins: ins.toUpperCase(), state: profile });
  };
  const change = (request: TrustSpaceChange) => state.replace(applyChange(state.data(), request));
  // Durable mode: the records replayed before any listener opens, then every new fact written.
  const durableMode = durableDirectory
    ? startDurableMode(durableDirectory, {
        bus,
        store,
        transmissions,
        mes,
        clock,
        setPatientProfile: (ins, profile) => setPatientProfile(ins, profile as PatientProfileState),
        change: (request) => change(request as TrustSpaceChange),
      })
    : undefined;
  await deferred.settled();
  const registry = mailboxRegistryFor(store, now, durableMode?.restored.uidValidityAbove ?? 0);
  writer = durableMode?.attach(registry.uidValidity, now(), options.durableCompactionBytes);
  await writer?.durable();
  const operatorConsole = new OperatorConsole({ now });
  const actionToken = resolveActionToken(host, options.actionToken, options.requireToken ?? false);
  const publicReads = actionToken !== undefined && (options.publicReads ?? false);

  let endpoints: TrustSpaceEndpoints | undefined;
  const currentEndpoints = (): TrustSpaceEndpoints => {
    if (!endpoints) throw new Error('trust space endpoints read before start completed');
    return endpoints;
  };
  const observe = (observation: Parameters<typeof bus.publish>[0]) => void bus.publish(observation);
  const psc = createPsc({ view, now, issuer: () => `${currentEndpoints().http.baseUrl}${PSC_REALM_PATH}`, observe });
  const authenticator = createMailboxAuthenticator({ view, psc, settings, clientCertificateCa: pki.caCertPem, now, observe });
  const directoryFaults = new DirectoryFaults();
  const directory = createDirectoryService({
    view,
    faults: directoryFaults,
    now,
    ...(options.directoryApiKey ? { apiKey: options.directoryApiKey } : {}),
    endpoints: () => ({ smtp: currentEndpoints().submission, imap: currentEndpoints().imap }),
  });

  const smtpCommon = { host, view, planRecipient, router, observations: transcripts, settings, now, hostname: SIMULATOR_HOST_NAME, ...(writer ? { durable: writer.durable } : {}) };
  const submission = createSubmissionEndpoint({ ...smtpCommon, port: options.submissionPort ?? 0, tls: { ...serverTls, clientCa: pki.caCertPem }, authenticator });
  const peer = createPeerEndpoint({ ...smtpCommon, port: options.peerPort ?? 0, tls: serverTls });
  const imapCommon = { host, store, authenticator, observations: transcripts, now, tls: { ...serverTls, ca: pki.caCertPem, requestCert: true } };
  const imap = createImapEndpoint({ ...imapCommon, port: options.imapPort ?? 0, tlsMode: 'starttls', name: 'imap' });
  const imaps = createImapEndpoint({ ...imapCommon, port: options.imapsPort ?? 0, tlsMode: 'implicit', name: 'imaps' });
  const serverTlsSwitch = new ServerTlsSwitch({
    pki,
    initial: { certificate: options.tlsProfile ?? 'valid', protocols: 'referential' },
    initialMaterial: serverTls,
    targets: () => ({ submission, imap: [imap, imaps] }),
    now,
  });

  const space: RunningTrustSpace = {
    get endpoints() {
      return currentEndpoints();
    },
    caCertPath: pki.caCertPath,
    caCertPem: pki.caCertPem,
    fixturesDir,
    settings,
    store,
    journal,
    transmissions,
    mes,
    observations,
    flow,
    console: operatorConsole,
    ...(actionToken ? { actionToken } : {}),
    ...(publicReads ? { publicReads } : {}),
    setScenario: (label) => flow.setScenario(label),
    psc,
    authenticator,
    directoryFaults,
    clientCertificates,
    view,
    setPatientProfile,
    change(request) {
      change(request);
      writer?.change(request, now());
    },
    ...(durableMode ? { durable: durableMode.restart } : {}),
    settled: () => deferred.settled(),
    get serverTls() {
      return serverTlsSwitch.current;
    },
    setServerTls: (setting) => serverTlsSwitch.set(setting),
    reset() {
      state.reset();
      serverTlsSwitch.reset();
      Object.assign(settings, defaults);
      store.clear();
      journal.clear();
      transmissions.clear();
      psc.clear();
      mes.clear();
      directoryFaults.reset();
      bus.publish({ type: 'trust-space-reset' });
      writer?.cleared(registry.uidValidity, now());
    },
    async stop() {
      await listeners.stop();
      await deferred.settled();
      await durableMode?.close();
    },
  };

  const listeners = await startAll<'submission' | 'peer' | 'imap' | 'imaps'>(
    { submission, peer, imap, imaps },
    {
      start: () =>
        startHttpServer({
          host,
          port: options.httpPort ?? 0,
          routes: httpRoutes({ space, psc, now }),
          ...observeDirectory({ fallback: directory.fallback, direct: directory.direct }, bus),
          // Against DNS rebinding: only the names it listens on and announces (and --nom-hote).
          hostNames: [...hostNames, ...(options.hostNames ?? []), ...(options.announcedHost ? [options.announcedHost] : [])],
          acceptHost: (name) => isAutoconfigHost(name, view()),
          // REG-DEC-01: off loopback, every route but the UI shell, /ca.crt and the OIDC discovery needs the token.
          ...(actionToken ? { authorise: accessCheck({ token: actionToken, publicReads }) } : {}),
        }),
    },
  ).catch(async (error: unknown) => {
    await durableMode?.close();
    throw error;
  });
  endpoints = announcedEndpoints(
    {
      submission: { ...listeners.addresses.submission, tls: 'starttls' },
      peer: { ...listeners.addresses.peer, tls: 'starttls-optional' },
      imap: { ...listeners.addresses.imap, tls: 'starttls' },
      imaps: { ...listeners.addresses.imaps, tls: 'implicit' },
      http: listeners.http,
    },
    options.announcedHost,
  );
  return space;
}
