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
    assert.equal(verdict.accepted ? '' : formatReply(verdict.reply), `550 5.7.1 L'en-tête From doit contenir la seule adresse de la boîte authentifiée <${CAMILLE}> (trouvé : ${found})`);
  }
});

test('a long From list is shortened so that the reply line stays under 512 octets (RFC 5321 §4.5.3.1.5)', () => {
  const from = Array.from({ length: 50 }, (_, i) => `expediteur-${i}@operateur-a.test`);
  const verdict = acceptFromHeader({ from }, CAMILLE);
  assert.equal(verdict.accepted, false);
  const text = verdict.accepted ? '' : formatReply(verdict.reply);
  assert.ok(Buffer.byteLength(text) + 2 <= 512, `${Buffer.byteLength(text)} octets`);
  assert.match(text, /…\)$/);
});
