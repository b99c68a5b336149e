// Tests of the stage outputs of `npm test`: a kept output prints only when flushed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCommand, StageOutput } from './stage-output.ts';

const script = 'process.stdout.write("un\\n"); process.stderr.write("deux\\n"); process.exitCode = 3';

test('a command run into a kept output returns its code and both streams, printed only on flush', async () => {
  const printed: string[] = [];
  const out = new StageOutput(false, (text) => printed.push(text));
  const run = await runCommand(out, process.cwd(), process.execPath, ['-e', script]);
  assert.equal(run.code, 3);
  assert.match(run.output, /un\n/);
  assert.match(run.output, /deux\n/);
  assert.deepEqual(printed, []);
  out.flush();
  assert.deepEqual(printed, [run.output]);
  out.flush();
  assert.deepEqual(printed, [run.output]);
});

test('a live output prints as the command writes', async () => {
  const printed: string[] = [];
  const run = await runCommand(new StageOutput(true, (text) => printed.push(text)), process.cwd(), process.execPath, ['-e', script]);
  assert.equal(printed.join(''), run.output);
});
