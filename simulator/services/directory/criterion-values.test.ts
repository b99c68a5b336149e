import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateMatches, parseDateBound, parseReference, parseToken } from './criterion-values.ts';
import { DirectoryRequestError } from './directory-request-error.ts';
import { splitValues } from './parse-search.ts';

const at = (iso: string) => Date.parse(iso);

test('tokens: code, system|code, |code, system|', () => {
  assert.deepEqual(parseToken('SA33'), { code: 'SA33' });
  assert.deepEqual(parseToken('https://x|SA33'), { system: 'https://x', code: 'SA33' });
  assert.deepEqual(parseToken('|SA33'), { system: '', code: 'SA33' });
  assert.deepEqual(parseToken('https://x|'), { system: 'https://x', code: '' });
});

test('references: Type/id, URL, bare id; another type is refused', () => {
  assert.equal(parseReference('practitioner', 'Practitioner/899900100035'), '899900100035');
  assert.equal(parseReference('organization', 'http://x/fhir/v2/Organization/ch-valbrume'), 'ch-valbrume');
  assert.equal(parseReference('organization', 'ch-valbrume'), 'ch-valbrume');
  assert.throws(() => parseReference('practitioner', 'Organization/ch-valbrume'), DirectoryRequestError);
});

test('dates denote a range at their precision; prefixes compare with it', () => {
  const day = parseDateBound('_lastUpdated', '2025-03-13');
  assert.deepEqual(day, { prefix: 'eq', start: at('2025-03-13T00:00:00Z'), end: at('2025-03-14T00:00:00Z') });
  assert.equal(parseDateBound('_lastUpdated', 'ge2025').end, at('2026-01-01T00:00:00Z'));
  assert.equal(parseDateBound('_lastUpdated', '2025-02').end, at('2025-03-01T00:00:00Z'));
  assert.equal(parseDateBound('_lastUpdated', 'lt2025-03-13T14:00:00+01:00').start, at('2025-03-13T13:00:00Z'));
  const noon = at('2025-03-13T12:00:00Z');
  assert.equal(dateMatches(day, noon), true);
  assert.equal(dateMatches({ ...day, prefix: 'gt' }, noon), false);
  assert.equal(dateMatches({ ...day, prefix: 'lt' }, noon), false);
  assert.equal(dateMatches({ ...day, prefix: 'le' }, noon), true);
  assert.equal(dateMatches({ ...day, prefix: 'ge' }, at('2025-03-12T23:59:59Z')), false);
  assert.throws(() => parseDateBound('_lastUpdated', 'sa2025'), DirectoryRequestError);
  assert.throws(() => parseDateBound('_lastUpdated', '2025-3-1'), DirectoryRequestError);
});

test('OR-ed values split on commas, `\\,` kept as a comma', () => {
  assert.deepEqual(splitValues('a,b'), ['a', 'b']);
  assert.deepEqual(splitValues('Dupont\\, Marie,b'), ['Dupont, Marie', 'b']);
});
