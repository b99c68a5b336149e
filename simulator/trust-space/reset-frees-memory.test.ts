// After a reset (POST /api/reset) the memory the messages held is given back: the heap and the
// Buffers return near their size at start, measured after a forced garbage collection.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import nodemailer from 'nodemailer';
import { startTrustSpace } from './start-trust-space.ts';
import type { RunningTrustSpace } from './trust-space.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const SENDER = 'emetteur@hopital-exterieur.mssante.fr';
const RECIPIENT = 'paul.martin@ch-valbrume.mssante.fr';
const MESSAGES = 300;
const BODY = 'Compte rendu synthétique pour la mesure de mémoire.\r\n'.repeat(200); // about 10 KB

function held(): number {
  for (let i = 0; i < 3; i += 1) gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

let space: RunningTrustSpace;
before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-sim-reset-memory-') });
});
after(() => space.stop());

test(`after ${MESSAGES} messages of 10 KB and a reset, heap and Buffers return near their starting size`, async () => {
  const { host, port } = space.endpoints.peer;
  const send = async () => {
    const pool = nodemailer.createTransport({ pool: true, maxConnections: 4, maxMessages: Infinity, host, port, secure: false, ignoreTLS: true });
    await Promise.all(Array.from({ length: MESSAGES }, (_, i) => pool.sendMail({ envelope: { from: SENDER, to: RECIPIENT }, from: SENDER, to: RECIPIENT, subject: `Mémoire ${i}`, text: BODY })));
    pool.close();
    await space.settled();
  };
  await send(); // warms the code paths, so that what stays after the reset is not first-use cost
  space.reset();
  const start = held();
  await send();
  const full = held();
  assert.equal(space.store.count(), MESSAGES);
  assert.ok(full - start > MESSAGES * 10_000, `the messages held memory: ${full - start} bytes`);
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/reset`, { method: 'POST' });
  assert.equal(response.status, 204);
  await space.settled();
  const freed = held();
  assert.ok(freed - start < (full - start) * 0.25, `after reset ${freed - start} bytes more than at start (full: ${full - start})`);
});
