// Starts a real IMAP endpoint on 127.0.0.1:0 for wire tests: its own store, journal, fake
// authenticator and TLS material (a test CA and a server certificate generated once per test
// process, in memory).
import { generateCa, generateServerCertificate, type KeyAndCertificate } from '../../../services/pki/generate-certificates.ts';
import type { Journal } from '../../../observation/journal.ts';
import { createObservations } from '../../../observation/create-observations.ts';
import type { ObservationBus } from '../../../observation/observation-bus.ts';
import { MessageStore } from '../../../services/store/message-store.ts';
import { createImapEndpoint, type ImapEndpoint, type ImapEndpointOptions } from '../imap-endpoint.ts';
import { FakeAuthenticator } from './fake-authenticator.ts';

export const SERVER_NAME = 'imap.operateur-a.test';

export interface TestPki {
  readonly ca: KeyAndCertificate;
  readonly server: KeyAndCertificate;
}

let pki: Promise<TestPki> | undefined;

export function testPki(): Promise<TestPki> {
  pki ??= (async () => {
    const ca = await generateCa(new Date());
    return { ca, server: await generateServerCertificate(ca, [SERVER_NAME], new Date()) };
  })();
  return pki;
}

export interface ImapTestServer {
  readonly port: number;
  readonly store: MessageStore;
  readonly journal: Journal;
  /** Every observation of the endpoint's connections (the journal reads them too). */
  readonly observations: ObservationBus;
  readonly authenticator: FakeAuthenticator;
  readonly pki: TestPki;
  readonly endpoint: ImapEndpoint;
  stop(): Promise<void>;
}

export type ImapTestOverrides = Partial<Omit<ImapEndpointOptions, 'tls'>> & { readonly tls?: Partial<ImapEndpointOptions['tls']> };

export async function startImapTestServer(overrides: ImapTestOverrides = {}): Promise<ImapTestServer> {
  const keys = await testPki();
  const store = overrides.store ?? new MessageStore();
  const { bus, journal } = createObservations();
  const authenticator = (overrides.authenticator as FakeAuthenticator | undefined) ?? new FakeAuthenticator();
  const endpoint = createImapEndpoint({
    tlsMode: 'starttls',
    stopTimeoutMs: 1000,
    ...overrides,
    tls: { key: keys.server.keyPem, cert: keys.server.certPem, ca: keys.ca.certPem, ...overrides.tls },
    store,
    observations: overrides.observations === undefined ? bus : overrides.observations,
    authenticator,
  });
  const { port } = await endpoint.start();
  return { port, store, journal, observations: bus, authenticator, pki: keys, endpoint, stop: () => endpoint.stop() };
}
