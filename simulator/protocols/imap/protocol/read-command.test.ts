import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { readCommand } from './read-command.ts';
import { SocketReader } from './socket-reader.ts';

function setup() {
  const socket = new PassThrough();
  const continuations: string[] = [];
  const reader = new SocketReader(socket);
  const read = () => readCommand(reader, { continuation: (text) => continuations.push(text) });
  return { socket, continuations, read };
}

test('a command line, with CRLF or a bare LF, arriving in pieces', async () => {
  const { socket, read } = setup();
  socket.write('a1 NO');
  setImmediate(() => socket.write('OP\r\na2 CAPABILITY\n'));
  assert.deepEqual(await read(), { kind: 'command', parts: ['a1 NOOP'] });
  assert.deepEqual(await read(), { kind: 'command', parts: ['a2 CAPABILITY'] });
});

test('a synchronising literal gets a continuation; a non-synchronising one does not', async () => {
  const { socket, continuations, read } = setup();
  socket.write('a LOGIN {4}\r\n');
  const pending = read();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(continuations, ['Prêt pour le littéral']);
  socket.write('user {3+}\r\npwd\r\n');
  const input = await pending;
  assert.equal(input.kind, 'command');
  assert.deepEqual(input.kind === 'command' && input.parts.map((p) => (typeof p === 'string' ? p : `<${p.toString()}>`)), ['a LOGIN {4}', '<user>', ' {3+}', '<pwd>', '']);
  assert.equal(continuations.length, 1);
});

test('APPEND may carry up to 50 MiB; other commands 1 MiB; refusals keep the tag', async () => {
  const { socket, continuations, read } = setup();
  socket.write('a APPEND Sent {52428801}\r\nb LOGIN {1048577}\r\nc APPEND Sent {52428800}\r\n');
  assert.deepEqual(await read(), { kind: 'refused', tag: 'a', text: 'Littéral trop grand (52428801 octets, limite 52428800)' });
  assert.deepEqual(await read(), { kind: 'refused', tag: 'b', text: 'Littéral trop grand (1048577 octets, limite 1048576)' });
  const pending = read();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(continuations, ['Prêt pour le littéral']);
  socket.end();
  assert.deepEqual(await pending, { kind: 'end' });
});

test('a refused non-synchronising literal is skipped with the rest of its command', async () => {
  const { socket, read } = setup();
  socket.write(`a LOGIN {2000000+}\r\n${'x'.repeat(2_000_000)} {2+}\r\nzz\r\nb NOOP\r\n`);
  assert.deepEqual(await read(), { kind: 'refused', tag: 'a', text: 'Littéral trop grand (2000000 octets, limite 1048576)' });
  assert.deepEqual(await read(), { kind: 'command', parts: ['b NOOP'] });
});

test('a refused non-synchronising literal over twice the limit is not read: the command is refused and the connection closes', async () => {
  const { socket, read } = setup();
  socket.write('a LOGIN {2147483648+}\r\nxxxx');
  assert.deepEqual(await read(), { kind: 'refused', tag: 'a', text: 'Littéral trop grand (2147483648 octets, limite 1048576) : connexion fermée', close: true });
  socket.end();
});

test('a line over 64 KiB is discarded up to its end, then reading goes on', async () => {
  const { socket, read } = setup();
  socket.write(`t1 NOOP ${'y'.repeat(100_000)}\r\nt2 NOOP\r\n`);
  assert.deepEqual(await read(), { kind: 'refused', tag: 't1', text: 'Ligne de commande trop longue (plus de 65536 octets)' });
  assert.deepEqual(await read(), { kind: 'command', parts: ['t2 NOOP'] });
});

test('detach drops what was buffered (STARTTLS) and ends pending reads', async () => {
  const socket = new PassThrough();
  const reader = new SocketReader(socket);
  socket.write('injected\r\n');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(reader.detach(), 10);
  assert.deepEqual(await reader.readLine(100), { kind: 'end' });
});
