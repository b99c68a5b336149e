import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { descendants, isAlive, signalTree } from './process-tree.ts';

test('the grandchild of a process is found and stopped with it', { skip: process.platform !== 'linux' }, async () => {
  // A child that starts a grandchild and prints its pid; both wait forever until signalled.
  const child = spawn(process.execPath, ['-e', "const g = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log(g.pid); setInterval(() => {}, 1000);"], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const grandchild = Number(line.toString().trim());
  assert.ok(descendants(process.pid).includes(grandchild));
  assert.ok(isAlive(grandchild));
  assert.deepEqual(descendants(child.pid ?? 0), [grandchild]);
  signalTree(child.pid ?? 0, 'SIGTERM');
  await once(child, 'exit');
  const deadline = Date.now() + 5000;
  while (isAlive(grandchild) && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  assert.equal(isAlive(grandchild), false);
});
