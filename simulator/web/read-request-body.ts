// Reads a request body into memory, never more than `limitBytes`. A body over the limit is
// drained (not kept) up to DRAIN_FACTOR × the limit so that the client can read our 413
// answer; beyond that, or when Content-Length already says too much, the server answers 413
// and closes the connection.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { readonly kind: 'body'; readonly body: Buffer }
  | { readonly kind: 'too-large'; readonly drained: boolean }
  | { readonly kind: 'aborted' };

const DRAIN_FACTOR = 8;

export function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.resolve({ kind: 'too-large', drained: false });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      request.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes * DRAIN_FACTOR) {
        request.pause();
        finish({ kind: 'too-large', drained: false });
      } else if (size <= limitBytes) {
        chunks.push(chunk);
      }
    };
    const onEnd = () => finish(size > limitBytes ? { kind: 'too-large', drained: true } : { kind: 'body', body: Buffer.concat(chunks, size) });
    const onAbort = () => finish({ kind: 'aborted' });
    const onClose = () => {
      if (!request.complete) finish({ kind: 'aborted' });
    };
    request.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}
