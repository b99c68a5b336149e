// One control API over a fresh fake trust space per test, with the OpenAPI response checker
// and builders of stored messages and transmissions.
import { indexMessage } from '../../protocols/mime/message-reader.ts';
import type { StoredMessage } from '../../services/store/stored-message.ts';
import type { Transmission } from '../../services/routing/transmission-log.ts';
import type { ControlApiOptions } from '../control-api.ts';
import { startApi, type ApiHarness } from './api-client.ts';
import { fakeTrustSpace, FIXED_NOW, type FakeTrustSpace } from './fake-trust-space.ts';
import { openApiResponseChecker, type ResponseChecker } from './openapi-response-checker.ts';

export interface ApiTestKit {
  readonly api: ApiHarness;
  readonly space: FakeTrustSpace;
  /** Asserts that an answer matches openapi.json for that operation and status. */
  readonly check: ResponseChecker;
}

export async function withApi(run: (kit: ApiTestKit) => Promise<void>, options: ControlApiOptions = {}): Promise<void> {
  const space = fakeTrustSpace();
  const api = await startApi(space, { now: () => FIXED_NOW, ...options });
  try {
    const document = await api.call('GET', '/api/openapi.json');
    await run({ api, space, check: openApiResponseChecker(document.body) });
  } finally {
    await api.close();
  }
}

export interface RawMessageInput {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly messageId: string;
  readonly body?: string;
}

export function rawMessage(input: RawMessageInput): Buffer {
  return Buffer.from(
    [
      `From: Expéditeur <${input.from}>`,
      `To: ${input.to}`,
      `Subject: ${input.subject}`,
      `Message-ID: <${input.messageId}>`,
      'Date: Thu, 13 Mar 2025 14:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      'X-MSS-NIL: SIM-TEST',
      '',
      input.body ?? 'Bonjour Louise.',
      '',
    ].join('\r\n'),
    'utf8',
  );
}

export function storeMessage(space: FakeTrustSpace, raw: Buffer, copy: Partial<Omit<StoredMessage, 'id' | 'raw' | 'index'>> & { mailbox: string }): StoredMessage {
  return space.store.add({
    folder: 'INBOX',
    kind: 'message',
    envelope: { mailFrom: 'pharmacie.duparc@pharmacien.mssante.fr', rcptTo: [copy.mailbox] },
    receivedAt: FIXED_NOW,
    ingress: 'submission',
    ...copy,
    raw,
  });
}

export function addTransmission(space: FakeTrustSpace, raw: Buffer, outcomes: Transmission['outcomes']): Transmission {
  const transmission: Transmission = {
    id: space.transmissions.nextId(),
    envelope: { mailFrom: 'pharmacie.duparc@pharmacien.mssante.fr', rcptTo: outcomes.map((o) => o.recipient) },
    raw,
    index: indexMessage(raw),
    ingress: 'submission',
    receivedAt: FIXED_NOW,
    connectionId: 'submission-abc',
    authenticatedMailbox: 'pharmacie.duparc@pharmacien.mssante.fr',
    outcomes,
  };
  space.transmissions.add(transmission);
  return transmission;
}
