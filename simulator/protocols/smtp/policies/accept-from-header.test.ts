import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReply } from '../smtp-reply.ts';
import { acceptFromHeader } from './accept-from-header.ts';

const CAMILLE = 'camille.morel@pharmacie-des-tilleuls.operateur-a.test';

test('From must hold exactly the authenticated mailbox (index addresses are lower-cased)', () => {
  assert.deepEqual(acceptFromHeader({ from: [CAMILLE] }, 'Camille.Morel@pharmacie-des-tilleuls.operateur-a.test'), { accepted: true });
  const cases: Array<[readonly string[], string]> = [
    [[], 'aucune adresse'],
    [['autre@operateur-a.test'], 'autre@operateur-a.test'],
    [[CAMILLE, 'autre@operateur-a.test'], `${CAMILLE}, autre@operateur-a.test`],
  ];
  for (const [from, found] of cases) {
    const verdict = acceptFromHeader({ from }, CAMILLE);
    assert.equal(verdict.accepted ? '' : formatReply(verdict.reply), '550 5.7.1 En-tête From refusé : seule la boîte authentifiée est admise');
    assert.equal(verdict.accepted ? '' : verdict.reply.detail, `L'en-tête From doit contenir la seule adresse de la boîte authentifiée <${CAMILLE}> (trouvé : ${found})`);
  }
});

test('a long From list is shortened in the journal detail', () => {
  const from = Array.from({ length: 50 }, (_, i) => `expediteur-${i}@operateur-a.test`);
  const verdict = acceptFromHeader({ from }, CAMILLE);
  assert.equal(verdict.accepted, false);
  const detail = verdict.accepted ? '' : (verdict.reply.detail ?? '');
  assert.ok(detail.length < 300, `${detail.length} caractères`);
  assert.match(detail, /…\)$/);
});
