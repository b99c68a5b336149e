// The retention limit end to end: messages sent over SMTP past `maxMessages` evict the oldest
// copies and transmissions together; GET /api/stats counts them, the live flow keeps their
// entries without the dangling ids, the observation log holds no evicted transmission, and what
// is kept is whole.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { startTrustSpace } from './start-trust-space.ts';
import type { RunningTrustSpace } from './trust-space.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

const SENDER = 'emetteur@hopital-exterieur.mssante.fr';
const RECIPIENT = 'paul.martin@ch-valbrume.mssante.fr';
const LIMIT = 3;
const SENT = 5;

let space: RunningTrustSpace;
before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-sim-retention-'), maxMessages: LIMIT });
});
after(() => space.stop());

test(`${SENT} messages with --max-messages ${LIMIT}: the oldest go from store, transmissions and flow ids; /api/stats counts them`, async () => {
  const { host, port } = space.endpoints.peer;
  const transport = nodemailer.createTransport({ host, port, secure: false, ignoreTLS: true });
  for (let i = 1; i <= SENT; i += 1) {
    await transport.sendMail({ envelope: { from: SENDER, to: RECIPIENT }, from: SENDER, to: RECIPIENT, subject: `Conservation ${i}`, text: `Message ${i}` });
  }
  transport.close();
  await space.settled();

  assert.deepEqual(space.store.list(RECIPIENT).map((m) => m.index.subject), ['Conservation 3', 'Conservation 4', 'Conservation 5']);
  assert.deepEqual(space.transmissions.all().map((t) => t.index.subject), ['Conservation 3', 'Conservation 4', 'Conservation 5']);
  for (const t of space.transmissions.all()) {
    for (const o of t.outcomes) assert.ok(o.outcome === 'delivered' && space.store.get(o.storedId), `kept transmission ${t.id} points to a kept copy`);
  }
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/stats`);
  const stats = (await response.json()) as Record<string, number>;
  assert.equal(stats.evicted, SENT - LIMIT);
  assert.equal(stats.maxMessages, LIMIT);
  assert.equal(stats.transmissions, LIMIT);
  assert.equal(stats.messages, LIMIT);

  const accepted = space.observations.list('message-accepted');
  assert.ok(accepted.length <= LIMIT, 'the observation log keeps no more observations than messages');
  for (const o of accepted) assert.ok(space.transmissions.get(o.transmission.id), `observation of evicted transmission ${o.transmission.id} kept`);

  const entries = space.flow.list().entries.filter((e) => e.kind === 'delivered');
  assert.equal(entries.length, SENT, 'the flow keeps an entry per message sent');
  const withIds = entries.filter((e) => e.storedId !== undefined || e.transmissionId !== undefined).map((e) => e.subject).sort();
  assert.deepEqual(withIds, ['Conservation 3', 'Conservation 4', 'Conservation 5']);
  for (const e of entries) if (e.storedId) assert.ok(space.store.get(e.storedId), `flow id ${e.storedId} names a kept copy`);
});
