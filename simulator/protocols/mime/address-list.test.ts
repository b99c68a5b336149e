import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAddresses } from './address-list.ts';

test('angle brackets, display names with quoted commas and comments', () => {
  assert.deepEqual(extractAddresses('"Martin, Jean (Dr)" <Jean.Martin@Medecin.test>, sophie@cabinet.test (Sophie)'), [
    'jean.martin@medecin.test',
    'sophie@cabinet.test',
  ]);
  assert.deepEqual(extractAddresses('"Quote \\" , comma" <q@example.test>'), ['q@example.test']);
  assert.deepEqual(extractAddresses('(a (nested) comment) r@example.test'), ['r@example.test']);
});

test('groups give their members; an empty group gives nothing', () => {
  assert.deepEqual(extractAddresses('Equipe: a@x.test, "B" <b@x.test>;, undisclosed-recipients:;'), ['a@x.test', 'b@x.test']);
  assert.deepEqual(extractAddresses('undisclosed-recipients:;'), []);
});

test('obsolete routes and folding white space are removed; names without address dropped', () => {
  assert.deepEqual(extractAddresses('<@relais.test,@autre.test:cpts@cpts.test>, Nom sans adresse, louise @ example.test'), [
    'cpts@cpts.test',
    'louise@example.test',
  ]);
});

test('quoted local parts are kept; garbage gives nothing and never throws', () => {
  assert.deepEqual(extractAddresses('"jean martin"@example.test'), ['"jean martin"@example.test']);
  assert.deepEqual(extractAddresses(',,, <> , <@>, "unterminated'), []);
  assert.deepEqual(extractAddresses('<a@b.test'), ['a@b.test']);
  assert.deepEqual(extractAddresses('(unterminated comment a@b.test'), []);
});
