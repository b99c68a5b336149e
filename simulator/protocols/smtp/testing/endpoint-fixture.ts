// Starts a real submission or peer endpoint on 127.0.0.1:0 for wire tests, with the fake trust
// space, a recording router, a journal, a simulated Pro Santé Connect and the authenticator;
// TLS material (CA, server certificate, the APP mailbox's client certificate) generated once per
// test process, in memory. The submission endpoint requests client certificates of the test CA.
import { createMailboxAuthenticator, type SimulatedMailboxAuthenticator } from '../../../services/auth/create-mailbox-authenticator.ts';
import { createPsc, type Psc } from '../../../services/auth/psc/create-psc.ts';
import { processSigningKey, type SigningKey } from '../../../services/auth/psc/signing-key.ts';
import type { Journal } from '../../../observation/journal.ts';
import { createObservations } from '../../../observation/create-observations.ts';
import type { ObservationBus } from '../../../observation/observation-bus.ts';
import { generateCa, generateServerCertificate, type KeyAndCertificate } from '../../../services/pki/generate-certificates.ts';
import { issueClientCertificate } from '../../../services/pki/generate-client-certificate.ts';
import { createPeerEndpoint, type PeerEndpointOptions } from '../peer-endpoint.ts';
import type { SmtpEndpoint } from '../smtp-endpoint.ts';
import type { SmtpEndpointSettings } from '../smtp-endpoint-options.ts';
import { createSubmissionEndpoint, type SubmissionEndpointOptions } from '../submission-endpoint.ts';
import type { EndpointTls } from '../tls-settings.ts';
import { FakeRouter } from './fake-router.ts';
import { APP_MAILBOX, fakePlanRecipient, fakeView } from './fake-trust-space.ts';

export const HOSTNAME = 'smtp.operateur-a.test';
export const PSC_ISSUER = 'http://127.0.0.1:1/psc/auth/realms/esante-wallet';

export interface TestPki {
  readonly ca: KeyAndCertificate;
  readonly server: KeyAndCertificate;
  /** Client certificate of APP_MAILBOX, issued by the CA. */
  readonly appClient: KeyAndCertificate;
  readonly pscKey: SigningKey;
}

let pki: Promise<TestPki> | undefined;

export function testPki(): Promise<TestPki> {
  pki ??= (async () => {
    const ca = await generateCa(new Date());
    const server = await generateServerCertificate(ca, [HOSTNAME], new Date());
    const appClient = await issueClientCertificate({ mailbox: { address: APP_MAILBOX } }, ca, new Date());
    return { ca, server, appClient, pscKey: processSigningKey() };
  })();
  return pki;
}

export interface MutableSettings {
  strictRecipients: boolean;
  passwordAuth: boolean;
  maxMessageBytes: number;
  maxRecipients?: number;
}

export interface TestEndpoint {
  readonly endpoint: SmtpEndpoint;
  readonly port: number;
  readonly router: FakeRouter;
  readonly journal: Journal;
  /** Every observation of the endpoint's connections (the journal reads them too). */
  readonly observations: ObservationBus;
  readonly psc: Psc;
  readonly authenticator: SimulatedMailboxAuthenticator;
  readonly settings: MutableSettings;
  readonly caPem: string;
  readonly pki: TestPki;
  stop(): Promise<void>;
}

type Overrides = Partial<Omit<SubmissionEndpointOptions, 'settings'>> & { settings?: Partial<SmtpEndpointSettings>; withoutTls?: boolean; tlsOverrides?: Partial<EndpointTls> };

export async function startSubmission(overrides: Overrides = {}): Promise<TestEndpoint> {
  return start('submission', overrides);
}

export async function startPeer(overrides: Overrides = {}): Promise<TestEndpoint> {
  return start('peer', overrides);
}

async function start(kind: 'submission' | 'peer', overrides: Overrides): Promise<TestEndpoint> {
  const testMaterial = await testPki();
  const { ca, server } = testMaterial;
  const router = new FakeRouter();
  const { bus, journal } = createObservations();
  const settings: MutableSettings = { strictRecipients: false, passwordAuth: true, maxMessageBytes: 30 * 1024 * 1024, ...overrides.settings };
  const now = overrides.now ?? (() => new Date());
  const psc = createPsc({ view: fakeView, issuer: PSC_ISSUER, now, signingKey: testMaterial.pscKey });
  const authenticator = createMailboxAuthenticator({ view: fakeView, psc, settings, clientCertificateCa: ca.certPem, now });
  const common = {
    hostname: HOSTNAME,
    view: fakeView,
    planRecipient: fakePlanRecipient,
    router,
    observations: bus,
    authenticator,
    stopTimeoutMs: 2000,
    ...overrides,
    settings,
  };
  const endpoint =
    kind === 'submission'
      ? createSubmissionEndpoint({ ...common, tls: { key: server.keyPem, cert: server.certPem, clientCa: ca.certPem, ...overrides.tlsOverrides } } as SubmissionEndpointOptions)
      : createPeerEndpoint({ ...common, ...(overrides.withoutTls ? {} : { tls: { key: server.keyPem, cert: server.certPem } }) } as PeerEndpointOptions);
  const { port } = await endpoint.start();
  return { endpoint, port, router, journal, observations: bus, psc, authenticator, settings, caPem: ca.certPem, pki: testMaterial, stop: () => endpoint.stop() };
}

/** The id of the next connection the endpoint sees closed. */
export function nextClosedConnection(endpoint: Pick<TestEndpoint, 'observations'>): Promise<string> {
  return new Promise((resolve) => {
    const off = endpoint.observations.on('connection-closed', (observation) => {
      off();
      resolve(observation.connectionId);
    });
  });
}
