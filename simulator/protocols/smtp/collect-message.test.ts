// Reading the DATA stream: one chunk kept as it is, several joined, an oversized message not
// kept, a stream closed before its end reported as aborted.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { SMTPServerDataStream } from 'smtp-server';
import { collectMessage, type CollectedMessage } from './collect-message.ts';

function collecting(): { stream: PassThrough & { sizeExceeded?: boolean }; result: Promise<CollectedMessage> } {
  const stream = new PassThrough() as PassThrough & { sizeExceeded?: boolean };
  const result = new Promise<CollectedMessage>((resolve) => collectMessage(stream as unknown as SMTPServerDataStream, resolve));
  return { stream, result };
}

test('a message read in one chunk is that chunk, without a copy', async () => {
  const { stream, result } = collecting();
  const chunk = Buffer.from('Subject: un\r\n\r\ncorps\r\n');
  stream.end(chunk);
  const collected = await result;
  assert.equal(collected.kind, 'complete');
  assert.equal(collected.kind === 'complete' && collected.raw, chunk);
});

test('a message read in several chunks is their bytes joined', async () => {
  const { stream, result } = collecting();
  stream.write(Buffer.from('Subject: deux\r\n'));
  stream.end(Buffer.from('\r\ncorps\r\n'));
  const collected = await result;
  assert.deepEqual(collected, { kind: 'complete', raw: Buffer.from('Subject: deux\r\n\r\ncorps\r\n') });
});

test('over the size limit: counted, not kept; closed before the end: aborted', async () => {
  const large = collecting();
  large.stream.write(Buffer.from('Subject: trop\r\n'));
  large.stream.sizeExceeded = true;
  large.stream.end(Buffer.from('\r\ncorps\r\n'));
  assert.deepEqual(await large.result, { kind: 'too-large', bytes: 24 });
  const cut = collecting();
  cut.stream.write(Buffer.from('Subject: coupé\r\n'));
  cut.stream.destroy();
  assert.equal((await cut.result).kind, 'aborted');
});
