import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf, formatDateTime, parseDateTime, parseSearchDate } from './imap-date.ts';

test('SEARCH dates as day numbers, month names case-insensitive', () => {
  assert.equal(parseSearchDate('1-Feb-1994'), 19940201);
  assert.equal(parseSearchDate('20-mar-2025'), 20250320);
  assert.throws(() => parseSearchDate('2025-03-20'), /Date invalide : « 2025-03-20 »/);
  assert.equal(dayOf(new Date(Date.UTC(2025, 2, 20, 23, 59))), 20250320);
});

test('date-time with its zone, and INTERNALDATE written in UTC with a space-padded day', () => {
  assert.equal(parseDateTime('17-Jul-1996 02:44:25 -0700').toISOString(), '1996-07-17T09:44:25.000Z');
  assert.equal(parseDateTime(' 7-Jul-1996 02:44:25 +0200').toISOString(), '1996-07-07T00:44:25.000Z');
  assert.equal(formatDateTime(new Date(Date.UTC(2025, 2, 5, 8, 3, 9))), ' 5-Mar-2025 08:03:09 +0000');
  assert.throws(() => parseDateTime('17-Jul-1996'), /Date invalide/);
});
