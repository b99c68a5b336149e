import assert from 'node:assert/strict';
import { test } from 'node:test';
import { familiesOf, familyOf } from './requirement-family.ts';

test('a requirement family comes from the stable prefix of its ID', () => {
  assert.equal(familyOf('SC.MSS/CONF.21').code, 'sc-mss-conf');
  assert.equal(familyOf('SC.MSS/UX.30').code, 'sc-mss-ux');
  assert.equal(familyOf('MSS/va1.08').code, 'mss-va1');
  assert.equal(familyOf('MES-FIN-01').code, 'mes');
  assert.equal(familyOf('OFF-HPV-01').code, 'off');
  assert.equal(familyOf('INCONNUE-01').code, 'autre');
  assert.deepEqual(familiesOf(['MES-FIN-01', 'SC.MSS/CONF.21', 'MES-ADR-01']).map((f) => f.code), ['mes', 'sc-mss-conf']);
});
