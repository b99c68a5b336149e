import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uniqueToken } from './unique-token.ts';

test('tokens never repeat and share the process prefix', () => {
  const tokens = Array.from({ length: 1000 }, uniqueToken);
  assert.equal(new Set(tokens).size, 1000);
  assert.equal(new Set(tokens.map((t) => t.split('.')[0])).size, 1);
  assert.match(tokens[0]!, /^[0-9a-f]{12}\.[0-9a-z]+$/);
});
