// The composition root (DESIGN.md §2, STYLE.md principle 3): the one place where fixtures,
// rules, stores, SMTP and IMAP endpoints, the simulated Pro Santé Connect, the directory and
// the control API are wired together. Used by the CLI, the cucumber hooks, the end-to-end
// tests and the benchmarks.
import { join, resolve } from 'node:path';
import { createMailboxAuthenticator } from '../auth/create-mailbox-authenticator.ts';
import { createPsc } from '../auth/psc/create-psc.ts';
import { PSC_REALM_PATH } from '../auth/psc/psc-constants.ts';
import { createDirectoryService } from '../directory/create-directory-service.ts';
import { DirectoryFaults } from '../directory/directory-faults.ts';
import { applyChange } from '../directory/trust-space-change.ts';
import { FlowRecorder } from '../flow/flow-recorder.ts';
import { observePatientActions } from '../flow/observe-patient-actions.ts';
import { OperatorConsole } from '../operator-console/operator-console.ts';
import { actionTokenCheck, resolveActionToken } from '../web/action-token.ts';
import { planRecipient } from '../domain/recipient-plan.ts';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../fixtures/load-fixtures.ts';
import { createImapEndpoint } from '../imap/imap-endpoint.ts';
import { Journal } from '../mail/journal.ts';
import { MessageStore } from '../mail/message-store.ts';
import { createClientCertificateStore } from '../pki/client-certificates.ts';
import { ensurePki } from '../pki/ensure-pki.ts';
import { resolveServerTls, type ServerTlsProfile } from '../pki/server-tls-profile.ts';
import { TransmissionLog } from '../routing/transmission-log.ts';
import { createPeerEndpoint } from '../smtp/peer-endpoint.ts';
import { createSubmissionEndpoint } from '../smtp/submission-endpoint.ts';
import { startHttpServer } from '../web/http-server.ts';
import { DeferredWork } from './deferred-work.ts';
import { FixturesInvalidError } from './fixtures-invalid-error.ts';
import { httpRoutes } from './http-routes.ts';
import { startAll } from './start-all.ts';
import { createMailFlow } from './mail-flow.ts';
import { TrustSpaceState } from './trust-space-state.ts';
import type { TrustSpace, TrustSpaceEndpoints, TrustSpaceSettings } from './trust-space.ts';

export { DEFAULT_FIXTURES_DIR };

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
  /** Bearer token for actions when `host` is not loopback (issue 6); generated when absent. */
  readonly actionToken?: string;
  readonly now?: () => Date;
}

const DEFAULT_MAX_MESSAGE_BYTES = 30 * 1024 * 1024;
const SERVER_NAME = 'mssante.simulateur.test';

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
  const state = new TrustSpaceState(loaded.data, now);
  const view = state.view;

  const pkiDir = join(resolve(options.dataDir ?? '.data'), 'pki');
  const hostNames = [...new Set([SERVER_NAME, ...loaded.data.operators.flatMap((o) => o.servers.map((s) => s.host))])].sort();
  const pki = await ensurePki({ dir: pkiDir, hostNames, now });
  const serverTls = await resolveServerTls(pki, options.tlsProfile ?? 'valid', { now });
  const clientCertificates = createClientCertificateStore({ dir: pkiDir, ca: { certPem: pki.caCertPem, keyPem: pki.caKeyPem }, now });

  const store = new MessageStore();
  const journal = new Journal({ now });
  const transcripts = options.journal === false ? null : journal;
  const transmissions = new TransmissionLog();
  const onError = (error: unknown) => console.error('Erreur interne du simulateur (message conservé) :', error);
  const deferred = new DeferredWork(onError);
  const { router, mes } = createMailFlow({ view, store, transmissions, now, deferred, onError });
  const flow = new FlowRecorder({ now });
  flow.attach({ store, transmissions, journal });
  const operatorConsole = new OperatorConsole({ now });
  const actionToken = resolveActionToken(host, options.actionToken);

  let endpoints: TrustSpaceEndpoints | undefined;
  const currentEndpoints = (): TrustSpaceEndpoints => {
    if (!endpoints) throw new Error('trust space endpoints read before start completed');
    return endpoints;
  };
  const psc = createPsc({ view, now, issuer: () => `${currentEndpoints().http.baseUrl}${PSC_REALM_PATH}` });
  const authenticator = createMailboxAuthenticator({ view, psc, settings, clientCertificateCa: pki.caCertPem, now });
  const directoryFaults = new DirectoryFaults();
  const directory = createDirectoryService({
    view,
    faults: directoryFaults,
    now,
    ...(options.directoryApiKey ? { apiKey: options.directoryApiKey } : {}),
    endpoints: () => ({ smtp: currentEndpoints().submission, imap: currentEndpoints().imap }),
  });

  const smtpCommon = { host, view, planRecipient, router, journal: transcripts, settings, now, hostname: SERVER_NAME };
  const submission = createSubmissionEndpoint({ ...smtpCommon, port: options.submissionPort ?? 0, tls: { ...serverTls, clientCa: pki.caCertPem }, authenticator });
  const peer = createPeerEndpoint({ ...smtpCommon, port: options.peerPort ?? 0, tls: serverTls });
  const imapCommon = { host, store, authenticator, journal: transcripts, now, tls: { ...serverTls, ca: pki.caCertPem, requestCert: true } };
  const imap = createImapEndpoint({ ...imapCommon, port: options.imapPort ?? 0, tlsMode: 'starttls', name: 'imap' });
  const imaps = createImapEndpoint({ ...imapCommon, port: options.imapsPort ?? 0, tlsMode: 'implicit', name: 'imaps' });

  const space: TrustSpace = {
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
    mes: observePatientActions(mes, flow, store),
    flow,
    console: operatorConsole,
    ...(actionToken ? { actionToken } : {}),
    setScenario: (label) => flow.setScenario(label),
    psc,
    authenticator,
    directoryFaults,
    clientCertificates,
    view,
    setPatientProfile(ins, profile) {
      state.setPatientProfile(ins, profile);
      flow.patientChanged({ ins: ins.toUpperCase(), state: profile });
    },
    change: (change) => state.replace(applyChange(state.data(), change)),
    settled: () => deferred.settled(),
    reset() {
      state.reset();
      Object.assign(settings, defaults);
      store.clear();
      journal.clear();
      transmissions.clear();
      psc.clear();
      mes.clear();
      directoryFaults.reset();
      flow.reset();
    },
    async stop() {
      await listeners.stop();
      await deferred.settled();
    },
  };

  const listeners = await startAll(
    { submission, peer, imap, imaps },
    {
      start: () =>
        startHttpServer({
          host,
          port: options.httpPort ?? 0,
          routes: httpRoutes({ space, psc, now }),
          fallback: directory.fallback,
          direct: directory.direct,
          // Issue 6, Safety: off loopback, every action under /api needs the bearer token.
          ...(actionToken ? { authorise: actionTokenCheck(actionToken) } : {}),
        }),
    },
  );
  endpoints = {
    submission: { ...listeners.addresses.submission, tls: 'starttls' },
    peer: { ...listeners.addresses.peer, tls: 'starttls-optional' },
    imap: { ...listeners.addresses.imap, tls: 'starttls' },
    imaps: { ...listeners.addresses.imaps, tls: 'implicit' },
    http: listeners.http,
  };
  return space;
}
