import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildWhitelist, whitelistedDomains } from './whitelist.ts';
import { SAMPLE } from './testing/sample-trust-space.ts';

describe('buildWhitelist (REG-LB-01)', () => {
  const entries = buildWhitelist(SAMPLE.operators, '2025-03-13T14:54:10Z');

  it('lists each whitelisted domain once per operator server certificate', () => {
    assert.deepEqual(
      entries.map((entry) => [entry.domain, entry.certificateDn]),
      [
        ['operateur-a.test', 'CN=smtp-1.operateur-a.test,O=Operateur A,C=FR'],
        ['operateur-a.test', 'CN=smtp-2.operateur-a.test,O=Operateur A,C=FR'],
        ['Operateur-B.test', 'CN=smtp.operateur-b.test,O=Operateur B,C=FR'],
        ['patient.mssante.fr', 'CN=smtps1.patient.test,O=CNAM,C=FR'],
      ],
    );
  });

  it('fills every field from the operator and the given date', () => {
    assert.deepEqual(entries[0], {
      domain: 'operateur-a.test',
      description: 'Domaine A',
      operatorId: 'op-a',
      certificateDn: 'CN=smtp-1.operateur-a.test,O=Operateur A,C=FR',
      responsibleContact: 'responsable@operateur-a.test',
      supportContact: 'support@operateur-a.test',
      updatedAt: '2025-03-13T14:54:10Z',
    });
  });

  it('leaves out domains that are not whitelisted', () => {
    assert.equal(entries.some((entry) => entry.domain.toLowerCase() === 'hors-liste.operateur-a.test'), false);
  });

  it('is empty without operators', () => {
    assert.deepEqual(buildWhitelist([], '2025-01-01T00:00:00Z'), []);
  });
});

describe('whitelistedDomains', () => {
  it('returns distinct lower-cased domains in order of first appearance', () => {
    assert.deepEqual(whitelistedDomains(buildWhitelist(SAMPLE.operators, 'x')), ['operateur-a.test', 'operateur-b.test', 'patient.mssante.fr']);
  });
});
