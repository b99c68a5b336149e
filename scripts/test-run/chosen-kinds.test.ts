// `--etapes` picks test kinds; without it every kind runs, and an unknown kind is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chosenKinds, UnknownTestKindError } from './chosen-kinds.ts';

const KNOWN = ['types', 'unitaires', 'scénarios'];

test('without --etapes every kind runs; with it only the named ones', () => {
  assert.deepEqual([...chosenKinds([], KNOWN)], KNOWN);
  assert.deepEqual([...chosenKinds(['--etapes', 'types, scénarios'], KNOWN)], ['types', 'scénarios']);
});

test('an unknown or empty list is refused with the known kinds in French', () => {
  assert.throws(() => chosenKinds(['--etapes', 'type'], KNOWN), (error: unknown) => error instanceof UnknownTestKindError && /inconnue\(s\) : type\. Étapes possibles : types, unitaires, scénarios/.test(error.message));
  assert.throws(() => chosenKinds(['--etapes'], KNOWN), UnknownTestKindError);
});
