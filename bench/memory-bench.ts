// Memory of stored messages: sends N messages of 10 KB over SMTP (peer port, one recipient
// mailbox each) to an in-process simulator, then prints the RSS against the raw bytes the store
// holds (target: RSS ≤ 1.3 × raw at 100,000 messages), and the heap and RSS after a reset
// (POST /api/reset) against those at start. Run with --expose-gc so that gc() settles the heap:
//   npm run bench:memory -- --messages 100000
//   (node --expose-gc --import tsx bench/memory-bench.ts --messages 100000)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startTrustSpace } from '../simulator/trust-space/start-trust-space.ts';
import { tenKilobyteMessage } from './sample-message.ts';
import { runLoad } from './smtp-load.ts';

const SENDER = 'emetteur@hopital-exterieur.mssante.fr';
const RECIPIENT = 'paul.martin@ch-valbrume.mssante.fr';
const MB = 1024 * 1024;

const { values } = parseArgs({ options: { messages: { type: 'string', default: '100000' }, sessions: { type: 'string', default: '8' } } });
const messages = Number(values.messages);
const sessions = Number(values.sessions);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (see the header of this file)');

function settle(): NodeJS.MemoryUsage {
  for (let i = 0; i < 3; i += 1) gc!();
  return process.memoryUsage();
}

const space = await startTrustSpace({ dataDir: mkdtempSync(join(tmpdir(), 'mss-sim-memory-')), journal: false, maxMessages: messages });
try {
  const start = settle();
  const payload = tenKilobyteMessage(SENDER, RECIPIENT);
  const began = Date.now();
  const { accepted, refused } = await runLoad({ host: '127.0.0.1', port: space.endpoints.peer.port, mode: 'reuse', messages, sessions, from: SENDER, to: RECIPIENT, payload });
  await space.settled();
  const full = settle();
  let raw = 0;
  for (const message of space.store.all()) raw += message.raw.length;
  const held = space.store.count();
  console.log(`${accepted} acceptés, ${refused} refusés en ${((Date.now() - began) / 1000).toFixed(1)} s ; ${held} copies conservées, ${(raw / MB).toFixed(1)} Mo bruts`);
  console.log(`départ   : RSS ${(start.rss / MB).toFixed(1)} Mo, tas ${(start.heapUsed / MB).toFixed(1)} Mo`);
  console.log(`plein    : RSS ${(full.rss / MB).toFixed(1)} Mo, tas ${(full.heapUsed / MB).toFixed(1)} Mo, hors tas ${((full.arrayBuffers) / MB).toFixed(1)} Mo`);
  console.log(`RSS / octets bruts : ${(full.rss / raw).toFixed(2)} (cible ≤ 1,30) ; (RSS − RSS de départ) / octets bruts : ${((full.rss - start.rss) / raw).toFixed(2)}`);
  space.reset();
  await space.settled();
  const after = settle();
  console.log(`après remise à zéro : RSS ${(after.rss / MB).toFixed(1)} Mo, tas ${(after.heapUsed / MB).toFixed(1)} Mo (départ ${(start.heapUsed / MB).toFixed(1)} Mo), hors tas ${(after.arrayBuffers / MB).toFixed(1)} Mo`);
} finally {
  await space.stop();
}
