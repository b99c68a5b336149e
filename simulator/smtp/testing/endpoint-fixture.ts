// Starts a real submission or peer endpoint on 127.0.0.1:0 for wire tests, with the fake trust
// space, a recording router, a journal and a token issuer; TLS material generated once per test
// process, in memory.
import { TokenIssuer } from '../../auth/token-issuer.ts';
import { Journal } from '../../mail/journal.ts';
import { generateCa, generateServerCertificate, type KeyAndCertificate } from '../../pki/generate-certificates.ts';
import { createPeerEndpoint, type PeerEndpointOptions } from '../peer-endpoint.ts';
import type { SmtpEndpoint } from '../smtp-endpoint.ts';
import type { SmtpEndpointSettings } from '../smtp-endpoint-options.ts';
import { createSubmissionEndpoint, type SubmissionEndpointOptions } from '../submission-endpoint.ts';
import { FakeRouter } from './fake-router.ts';
import { fakePlanRecipient, fakeView } from './fake-trust-space.ts';

export const HOSTNAME = 'smtp.operateur-a.test';

export interface TestPki {
  readonly ca: KeyAndCertificate;
  readonly server: KeyAndCertificate;
}

let pki: Promise<TestPki> | undefined;

export function testPki(): Promise<TestPki> {
  pki ??= (async () => {
    const ca = await generateCa(new Date());
    return { ca, server: await generateServerCertificate(ca, [HOSTNAME], new Date()) };
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
  readonly tokens: TokenIssuer;
  readonly settings: MutableSettings;
  readonly caPem: string;
  stop(): Promise<void>;
}

type Overrides = Partial<Omit<SubmissionEndpointOptions, 'settings'>> & { settings?: Partial<SmtpEndpointSettings>; withoutTls?: boolean };

export async function startSubmission(overrides: Overrides = {}): Promise<TestEndpoint> {
  return start('submission', overrides);
}

export async function startPeer(overrides: Overrides = {}): Promise<TestEndpoint> {
  return start('peer', overrides);
}

async function start(kind: 'submission' | 'peer', overrides: Overrides): Promise<TestEndpoint> {
  const { ca, server } = await testPki();
  const router = new FakeRouter();
  const journal = new Journal();
  const tokens = new TokenIssuer();
  const settings: MutableSettings = { strictRecipients: false, passwordAuth: true, maxMessageBytes: 30 * 1024 * 1024, ...overrides.settings };
  const common = {
    hostname: HOSTNAME,
    view: fakeView,
    planRecipient: fakePlanRecipient,
    router,
    journal,
    tokens,
    stopTimeoutMs: 2000,
    ...overrides,
    settings,
  };
  const tls = { key: server.keyPem, cert: server.certPem };
  const endpoint =
    kind === 'submission'
      ? createSubmissionEndpoint({ ...common, tls } as SubmissionEndpointOptions)
      : createPeerEndpoint({ ...common, ...(overrides.withoutTls ? {} : { tls }) } as PeerEndpointOptions);
  const { port } = await endpoint.start();
  return { endpoint, port, router, journal, tokens, settings, caPem: ca.certPem, stop: () => endpoint.stop() };
}
