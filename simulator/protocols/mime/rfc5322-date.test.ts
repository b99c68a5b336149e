import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRfc5322Date } from './rfc5322-date.ts';

test('dates are written in UTC with a +0000 zone', () => {
  assert.equal(formatRfc5322Date(new Date(Date.UTC(2025, 2, 9, 7, 5, 3))), 'Sun, 09 Mar 2025 07:05:03 +0000');
});
