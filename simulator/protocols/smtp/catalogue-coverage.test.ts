// Every line of the reply catalogues is pinned by at least one wire test: each entry must be
// used as an expectation in one of the files that talk to a real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LIBRARY_REPLIES } from './library-replies.ts';
import { REPLIES } from './replies.ts';

const WIRE_TEST_FILES = [
  'submission-endpoint.test.ts',
  'submission-auth.test.ts',
  'submission-nodemailer.test.ts',
  'submission-tls.test.ts',
  'peer-endpoint.test.ts',
  'smtp-robustness.test.ts',
  'smtp-endpoint.test.ts',
  'no-greeting-delay.test.ts',
  'testing/dialogue.ts',
];

const sources = WIRE_TEST_FILES.map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\n');

function unpinned(catalogue: string, keys: readonly string[]): string[] {
  return keys.filter((key) => !new RegExp(`(?<![A-Z_])${catalogue}\\.${key}\\b`).test(sources));
}

test('every entry of REPLIES is expected by a wire test', () => {
  assert.deepEqual(unpinned('REPLIES', Object.keys(REPLIES)), []);
});

test('every entry of LIBRARY_REPLIES is expected by a wire test', () => {
  assert.deepEqual(unpinned('LIBRARY_REPLIES', Object.keys(LIBRARY_REPLIES)), []);
});
