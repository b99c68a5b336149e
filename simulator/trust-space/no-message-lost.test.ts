// REG-SMTP-04: N messages sent concurrently over several connections, some to
// addresses that bounce; every accepted recipient is stored or bounced, exactly.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import nodemailer from 'nodemailer';
import { startTrustSpace } from './start-trust-space.ts';
import type { RunningTrustSpace } from './trust-space.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

const SENDER = 'emetteur@hopital-exterieur.mssante.fr';
const RECIPIENTS = [
  '284034912304586@patient.mssante.fr', // active → stored
  'paul.martin@ch-valbrume.mssante.fr', // mailbox → stored
  '152114908701235@patient.mssante.fr', // opposed → bounce 5.1.1
  '284034912304599@patient.mssante.fr', // wrong key → bounce 5.1.3
  'inconnu@medecin.mssante.fr', // unknown mailbox → bounce 5.1.1
];
const MESSAGES = 300;
const CONNECTIONS = 6;

let space: RunningTrustSpace;
before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-sim-lost-') });
});
after(() => space.stop());

test(`${MESSAGES} concurrent messages over ${CONNECTIONS} connections: stored + bounced = accepted`, async () => {
  const { host, port } = space.endpoints.peer;
  const pool = nodemailer.createTransport({ pool: true, maxConnections: CONNECTIONS, maxMessages: Infinity, host, port, secure: false, ignoreTLS: true });
  const sends = Array.from({ length: MESSAGES }, (_, i) => {
    const to = RECIPIENTS[i % RECIPIENTS.length]!;
    return pool.sendMail({ envelope: { from: SENDER, to }, from: SENDER, to, subject: `Charge ${i}`, text: `Message ${i}` }).then(() => to);
  });
  const results = await Promise.allSettled(sends);
  pool.close();
  await space.settled();

  const accepted = results.filter((r) => r.status === 'fulfilled').length;
  assert.equal(accepted, MESSAGES, 'every message is accepted at SMTP level (bounces are asynchronous)');
  const outcomes = space.transmissions.all().flatMap((t) => t.outcomes);
  assert.equal(outcomes.length, accepted);
  const stored = outcomes.filter((o) => o.outcome === 'delivered');
  const bounced = outcomes.filter((o) => o.outcome === 'bounced');
  assert.equal(stored.length + bounced.length, accepted);
  for (const o of stored) assert.ok(o.outcome === 'delivered' && space.store.get(o.storedId), `stored copy ${JSON.stringify(o)} missing`);
  const bounces = space.store.list(SENDER, { kind: 'bounce' });
  assert.equal(bounces.length, bounced.length, 'one avis de non-remise per bounced recipient (one recipient per message here)');
  assert.equal(stored.length, (MESSAGES / RECIPIENTS.length) * 2);
  assert.equal(new Set(space.transmissions.all().map((t) => t.connectionId)).size <= CONNECTIONS, true);
});
