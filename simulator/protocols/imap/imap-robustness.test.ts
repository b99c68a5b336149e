// A client can never crash the process (REG-IMAP-02): bounded lines and literals, malformed
// commands answered BAD with a reason, too many errors end the connection, and a fuzz run of
// 5,000 random or truncated lines (folder commands included), after which a normal session
// still works and the folder hierarchy is whole.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { MAX_CONSECUTIVE_BAD } from './protocol/imap-limits.ts';
import { fuzzLine, seededRandom } from './testing/fuzz-lines.ts';
import { startImapTestServer, type ImapTestServer } from './testing/imap-test-server.ts';
import { RawImapClient } from './testing/raw-imap-client.ts';
import { loggedInClient } from './testing/raw-session.ts';
import { PHARMACY, sampleBounce, sampleMessage, storeMessage } from './testing/sample-messages.ts';

let server: ImapTestServer;
const internalErrors: unknown[] = [];

before(async () => {
  server = await startImapTestServer({ onError: (error) => internalErrors.push(error) });
  storeMessage(server.store, PHARMACY, sampleMessage());
  storeMessage(server.store, PHARMACY, sampleBounce(), { kind: 'bounce' });
});

after(async () => {
  await server.stop();
  assert.deepEqual(internalErrors, []);
});

test('malformed commands: BAD with the reason, and the session goes on', async () => {
  const { client } = await RawImapClient.connect(server.port);
  const cases: [string, string][] = [
    ['a1 FROBNICATE', 'a1 BAD Commande inconnue : FROBNICATE'],
    ['a2', 'a2 BAD Argument manquant : nom de commande'],
    ['a3 LOGIN "sans fin', 'a3 BAD Chaine entre guillemets non terminee'],
    ['a4 ID ("a" "b"', 'a4 BAD Parenthese ouvrante sans parenthese fermante'],
    ['a5 NOOP )', 'a5 BAD Parenthese fermante sans parenthese ouvrante'],
    ['a6 NOOP extra', 'a6 BAD Argument en trop : "extra"'],
    ['a7 UID NOOP', 'a7 BAD UID NOOP : commande inconnue apres UID'],
    ['+ NOOP', '* BAD Etiquette (tag) manquante ou invalide'],
    ['a8 NOOP \u0001', 'a8 BAD Caractere de controle dans la commande'],
  ];
  for (const [line, expected] of cases) {
    client.write(`${line}\r\n`);
    assert.equal(await client.line(), expected);
  }
  assert.deepEqual(await client.command('a9', 'NOOP'), ['a9 OK NOOP termine']);
  client.close();
});

test('a line over 64 KiB and literals over their bounds are refused without being kept', async () => {
  const { client } = await RawImapClient.connect(server.port);
  client.write(`a1 NOOP ${'x'.repeat(70 * 1024)}\r\n`);
  assert.equal(await client.line(), 'a1 BAD Ligne de commande trop longue (plus de 65536 octets)');
  client.write('a2 LOGIN {2000000}\r\n');
  assert.equal(await client.line(), 'a2 BAD Litteral trop grand (2000000 octets, limite 1048576)');
  client.write(`a3 LOGIN {1500000+}\r\n${'y'.repeat(1_500_000)} rest\r\n`);
  assert.equal(await client.line(), 'a3 BAD Litteral trop grand (1500000 octets, limite 1048576)');
  client.write('a4 APPEND Sent {60000000}\r\n');
  assert.equal(await client.line(), 'a4 BAD Litteral trop grand (60000000 octets, limite 52428800)');
  client.write('a5 ID ("name" {4}\r\n');
  assert.equal(await client.line(), '+ Pret pour le litteral');
  client.write('test)\r\n');
  assert.equal((await client.until('a5')).at(-1), 'a5 OK ID termine');
  client.close();
});

test('a non-synchronising literal of 2 GiB announced before LOGIN is not read: BAD, BYE, connection closed at once', async () => {
  const { client } = await RawImapClient.connect(server.port);
  client.write(`a1 LOGIN {2147483648+}\r\n${'z'.repeat(100_000)}`);
  assert.equal(await client.line(), 'a1 BAD Litteral trop grand (2147483648 octets, limite 1048576) : connexion fermee');
  assert.equal(await client.line(), '* BYE Litteral trop grand (2147483648 octets, limite 1048576) : connexion fermee');
  await client.closed();
});

test(`${MAX_CONSECUTIVE_BAD} BAD responses in a row: BYE`, async () => {
  const { client } = await RawImapClient.connect(server.port);
  client.write('x\r\n'.repeat(MAX_CONSECUTIVE_BAD));
  const lines: string[] = [];
  for (let i = 0; i < MAX_CONSECUTIVE_BAD + 1; i += 1) lines.push(await client.line());
  assert.equal(lines.at(-2), 'x BAD Argument manquant : nom de commande');
  assert.equal(lines.at(-1), '* BYE Trop de commandes invalides, connexion fermee');
  await client.closed();
});

test('fuzz: 5,000 random or truncated lines over several connections, then a normal session works', async () => {
  const random = seededRandom(20250320);
  const total = 5000;
  let sent = 0;
  let connections = 0;
  while (sent < total && connections < 400) {
    connections += 1;
    const loggedIn = connections % 2 === 0;
    const client = loggedIn ? await loggedInClient(server, PHARMACY, 'INBOX') : (await RawImapClient.connect(server.port)).client;
    const batch = Math.min(250, total - sent);
    let text = '';
    for (let i = 0; i < batch; i += 1) text += `${fuzzLine(random, sent + i)}\r\n`;
    sent += batch;
    client.write(text);
    client.write('zz NOOP\r\n');
    await drain(client);
    client.close();
  }
  assert.equal(sent, total);
  const check = await loggedInClient(server, PHARMACY);
  assert.deepEqual((await check.command('c1', 'SELECT INBOX')).at(-1), 'c1 OK [READ-WRITE] SELECT termine');
  assert.deepEqual((await check.command('c2', 'UID FETCH 1:* (UID)')).at(-1), 'c2 OK UID FETCH termine');
  // Whatever the fuzz expunged or moved, the store still holds every message (nothing accepted is lost).
  assert.deepEqual(server.store.list(PHARMACY).slice(0, 2).map((m) => m.kind), ['message', 'bounce']);
  // Whatever the fuzz created, renamed or deleted, every folder's superiors still exist (RFC 3501 §6.3.3–5).
  const listed = await check.command('c4', 'LIST "" "*"');
  assert.equal(listed.at(-1), 'c4 OK LIST termine');
  const names = new Set(listed.slice(0, -1).map((line) => /"([^"]*)"$/.exec(line)?.[1]));
  assert.ok(names.has('Dossier/Sous'), 'the fuzz created folders');
  for (const name of names) for (let cut = name?.lastIndexOf('/') ?? -1; cut > 0; cut = name?.lastIndexOf('/', cut - 1) ?? -1) assert.ok(names.has(name?.slice(0, cut)), `${name}: superior missing`);
  assert.deepEqual(await check.command('c3', 'LOGOUT'), ['* BYE Deconnexion, a bientot', 'c3 OK LOGOUT termine']);
});

/** Reads until `zz ` answered, the server closed, or 0.5 s of silence (a literal may be swallowing the rest). */
async function drain(client: RawImapClient): Promise<void> {
  for (let i = 0; i < 10_000; i += 1) {
    try {
      const line = await client.line(500);
      if (line.startsWith('zz ')) return;
    } catch {
      return;
    }
  }
}

test('more connections than allowed: BYE at once', async () => {
  const small = await startImapTestServer({ maxConnections: 1 });
  try {
    const first = await RawImapClient.connect(small.port);
    const second = net.connect({ port: small.port, host: '127.0.0.1' });
    const text = await new Promise<string>((resolve) => {
      let received = '';
      second.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      second.on('close', () => resolve(received));
    });
    assert.equal(text, '* BYE Trop de connexions simultanees, reessayez plus tard\r\n');
    first.client.close();
  } finally {
    await small.stop();
  }
});

test('an idle client is told BYE after the inactivity delay', async () => {
  const quick = await startImapTestServer({ idleTimeoutMs: 200 });
  try {
    const { client } = await RawImapClient.connect(quick.port);
    assert.equal(await client.line(3000), "* BYE Delai d'inactivite depasse, connexion fermee");
    await client.closed();
  } finally {
    await quick.stop();
  }
});
