import { test } from 'node:test';
import assert from 'node:assert/strict';
import { departmentOf, splitAddressLine } from './address-line.ts';

test('number, complement, street type code and label of a French address line', () => {
  assert.deepEqual(splitAddressLine('12 place du Parc'), { number: '12', numberComplement: '', streetType: 'PL', streetLabel: 'du Parc' });
  assert.deepEqual(splitAddressLine('3 bis rue des Tilleuls'), { number: '3', numberComplement: 'B', streetType: 'R', streetLabel: 'des Tilleuls' });
  assert.deepEqual(splitAddressLine('27 allée des Acacias'), { number: '27', numberComplement: '', streetType: 'ALL', streetLabel: 'des Acacias' });
  assert.deepEqual(splitAddressLine('Lieu-dit Les Landes'), { number: '', numberComplement: '', streetType: '', streetLabel: 'Lieu-dit Les Landes' });
  assert.deepEqual(splitAddressLine('8 impasse'), { number: '8', numberComplement: '', streetType: '', streetLabel: 'impasse' });
});

test('département: two digits, three overseas, 2A/2B in Corsica, empty when malformed', () => {
  assert.equal(departmentOf('49990'), '49');
  assert.equal(departmentOf('97400'), '974');
  assert.equal(departmentOf('20000'), '2A');
  assert.equal(departmentOf('20200'), '2B');
  assert.equal(departmentOf('4999'), '');
});
