// Tests of the grouping of spec-reporter output into one block per test file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpecBlocks } from './spec-blocks.ts';

test('a block ends at the unindented result line of a file, across chunk boundaries', () => {
  const blocks = new SpecBlocks();
  assert.deepEqual(blocks.push('▶ a.test.ts\n  ✔ one (1ms)\n  ✖ tw'), []);
  assert.deepEqual(blocks.push('o (2ms)\n✖ a.test.ts (3ms)\n▶ b.test.ts\n'), ['▶ a.test.ts\n  ✔ one (1ms)\n  ✖ two (2ms)\n✖ a.test.ts (3ms)\n']);
  assert.deepEqual(blocks.push('\u001b[32m✔ b.test.ts (1ms)\u001b[39m\nℹ tests 3'), ['▶ b.test.ts\n\u001b[32m✔ b.test.ts (1ms)\u001b[39m\n']);
  assert.equal(blocks.flush(), 'ℹ tests 3\n');
  assert.equal(blocks.flush(), '');
});
