// Unique tokens for Message-IDs and MIME boundaries without a random draw per message (the
// benchmark's hot path): one random prefix per process, then a counter.
import { randomBytes } from 'node:crypto';

const PREFIX = randomBytes(6).toString('hex');
let counter = 0;

/** `<12 hex>.<base36 counter>`: unique within the process, and across processes by the prefix. */
export function uniqueToken(): string {
  counter += 1;
  return `${PREFIX}.${counter.toString(36)}`;
}
