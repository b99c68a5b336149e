// Reads the DATA stream smtp-server hands to onData into one Buffer: chunks kept in an array
// and concatenated once (a single chunk is kept as it is). Once the stream is over the size limit (smtp-server sets
// `sizeExceeded`), bytes are counted but no longer kept: an oversized message costs no memory.
import type { SMTPServerDataStream } from 'smtp-server';

export type CollectedMessage =
  | { readonly kind: 'complete'; readonly raw: Buffer }
  /** Over the limit (RFC 1870): to be refused with 552, nothing stored. */
  | { readonly kind: 'too-large'; readonly bytes: number }
  /** The client went away before the final `.` (smtp-server destroys the stream). */
  | { readonly kind: 'aborted'; readonly bytes: number };

export function collectMessage(stream: SMTPServerDataStream, done: (message: CollectedMessage) => void): void {
  const chunks: Buffer[] = [];
  let kept = 0;
  let seen = 0;
  let settled = false;
  const settle = (message: CollectedMessage) => {
    if (settled) return;
    settled = true;
    chunks.length = 0;
    done(message);
  };
  stream.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (stream.sizeExceeded) {
      chunks.length = 0;
      return;
    }
    chunks.push(chunk);
    kept += chunk.length;
  });
  stream.once('end', () => {
    if (stream.sizeExceeded) settle({ kind: 'too-large', bytes: seen });
    // A message read in one chunk (the usual case for small ones) is that chunk: no copy.
    else settle({ kind: 'complete', raw: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, kept) });
  });
  // An 'error' listener makes smtp-server destroy the stream with an error (instead of silently)
  // when the client disconnects mid-DATA; 'close' without 'end' covers the silent case too.
  stream.once('error', () => settle({ kind: 'aborted', bytes: seen }));
  stream.once('close', () => settle({ kind: 'aborted', bytes: seen }));
}
