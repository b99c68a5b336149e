import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inapplicable, requiredCapabilities, verdictOfResult } from './scenario-verdict.ts';

describe('scenario verdicts', () => {
  it('reads the capabilities a scenario needs from its tags', () => {
    assert.deepEqual(requiredCapabilities([{ name: '@conformite' }, { name: '@capacite:patient-messaging' }, { name: '@req:MES-FIN-01' }, { name: '@capacite:patient-messaging' }]), ['patient-messaging']);
  });

  it('tells a failure from a setup error and never passes an undefined step', () => {
    assert.equal(verdictOfResult({ status: 'PASSED' }).verdict, 'réussi');
    assert.deepEqual(verdictOfResult({ status: 'FAILED', exception: { type: 'AssertionError', message: 'Objet attendu « [FIN] »\nstack' } }), { verdict: 'échoué', motif: 'Objet attendu « [FIN] »' });
    assert.equal(verdictOfResult({ status: 'FAILED', exception: { type: 'DriverSetupError', message: 'réponse invalide' } }).verdict, 'erreur de mise en place');
    assert.equal(verdictOfResult({ status: 'UNDEFINED' }).verdict, 'erreur de mise en place');
  });

  it('names the missing capabilities of an inapplicable scenario', () => {
    assert.deepEqual(inapplicable(['directory-search']), { verdict: 'inapplicable', motif: 'Capacité non déclarée par le client : directory-search.', missingCapabilities: ['directory-search'] });
  });
});
