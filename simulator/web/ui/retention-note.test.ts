// The French line of the web UI that tells how many messages the retention limit evicted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retentionNote } from './src/retention-note.ts';

const numbers = new Intl.NumberFormat('fr-FR');

test('nothing while no message was evicted; the count and the limit in French afterwards', () => {
  assert.equal(retentionNote({ evicted: 0, maxMessages: 50_000 }, numbers), '');
  assert.equal(retentionNote({ evicted: 1, maxMessages: 3 }, numbers), '1 message plus ancien effacé (limite de conservation : 3 messages, option --max-messages).');
  assert.match(retentionNote({ evicted: 12_000, maxMessages: 50_000 }, numbers), /^12\s000 messages plus anciens effacés \(limite de conservation : 50\s000 messages/);
});
