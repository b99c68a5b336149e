// Shortcuts for wire tests: the usual opening of a submission session, message bodies, AUTH payloads.
import assert from 'node:assert/strict';
import { LIBRARY_REPLIES } from '../library-replies.ts';
import { CAMILLE, CAMILLE_PASSWORD } from './fake-trust-space.ts';
import { HOSTNAME, type TestEndpoint } from './endpoint-fixture.ts';
import { RawSmtpClient } from './raw-smtp-client.ts';

export const plainPayload = (user: string, password: string, authzid = '') => Buffer.from(`${authzid}\0${user}\0${password}`).toString('base64');
export const xoauth2Payload = (user: string, token: string) => Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');

/** Connected, EHLO, STARTTLS, EHLO again: ready for AUTH. */
export async function secureClient(endpoint: TestEndpoint): Promise<RawSmtpClient> {
  const { client } = await RawSmtpClient.connect(endpoint.port);
  await client.command('EHLO client.example');
  assert.equal(await client.startTls(endpoint.caPem, HOSTNAME), LIBRARY_REPLIES.startTlsReady);
  await client.command('EHLO client.example');
  return client;
}

/** Secure and authenticated as Camille with AUTH PLAIN. */
export async function camilleClient(endpoint: TestEndpoint): Promise<RawSmtpClient> {
  const client = await secureClient(endpoint);
  assert.deepEqual(await client.command(`AUTH PLAIN ${plainPayload(CAMILLE, CAMILLE_PASSWORD)}`), [LIBRARY_REPLIES.authSucceeded]);
  return client;
}

export function message(from: string, body = 'Bonjour,\r\nvoici le compte rendu.\r\n', extraHeaders = ''): string {
  return `From: ${from}\r\nTo: destinataire@operateur-b.test\r\nSubject: Essai\r\nMessage-ID: <essai-1@operateur-a.test>\r\n${extraHeaders}\r\n${body}`;
}

/** Sends DATA, the message (dot-stuffing is the caller's business) and the final dot; returns the final reply line. */
export async function sendData(client: RawSmtpClient, raw: string | Buffer): Promise<string> {
  assert.deepEqual(await client.command('DATA'), [LIBRARY_REPLIES.dataStart]);
  client.write(raw);
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  const endsWithCrlf = bytes.length >= 2 && bytes[bytes.length - 2] === 0x0d && bytes[bytes.length - 1] === 0x0a;
  client.write(endsWithCrlf ? '.\r\n' : '\r\n.\r\n');
  return client.line();
}
