import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { submissionRefusal } from './submission-refusal.ts';

let seq = 0;
/** One observed exchange: a command verb and the reply line it got. */
const x = (verb: string, reply: string) => {
  const [, code, enhanced, text] = /^(\d{3}) (?:(\d\.\d+\.\d+) )?(.*)$/.exec(reply) ?? [];
  seq += 1;
  return { seq, verb, code: Number(code), ...(enhanced ? { enhanced } : {}), text: text ?? '' };
};

const OUTSIDE = "550 5.7.1 Destinataire <x@exemple.com> refusé : le domaine exemple.com n'est pas dans la liste blanche de l'espace de confiance MSSanté";
const opening = () => [x('EHLO', '250 simulateur'), x('AUTH', '235 Authentication successful'), x('MAIL', '250 Accepted')];

describe('submissionRefusal', () => {
  it('reads the RCPT refusal as the reply of an ended transaction once DATA is refused (nodemailer sends DATA anyway)', () => {
    const exchanges = [...opening(), x('RCPT', OUTSIDE), x('DATA', '503 Error: need RCPT command')];
    assert.deepEqual(submissionRefusal(exchanges, 0, false), { reply: OUTSIDE, ended: true });
  });

  it('keeps a refusal pending while the transaction may go on, and ends it with RSET or the connection closing', () => {
    const pending = [...opening(), x('RCPT', OUTSIDE)];
    assert.deepEqual(submissionRefusal(pending, 0, false), { reply: OUTSIDE, ended: false });
    assert.deepEqual(submissionRefusal(pending, 0, true), { reply: OUTSIDE, ended: true });
    assert.deepEqual(submissionRefusal([...pending, x('RSET', '250 Flushed')], 0, false), { reply: OUTSIDE, ended: true });
  });

  it('ignores a refused recipient when the message was accepted for another one', () => {
    const exchanges = [...opening(), x('RCPT', OUTSIDE), x('RCPT', '250 Accepted'), x('DATA', '354 End data'), x('DATA-END', '250 2.0.0 Message accepté, identifiant t-000001')];
    assert.equal(submissionRefusal(exchanges, 0, true), undefined);
  });

  it('reads a refusal at the end of DATA (message too large)', () => {
    const tooLarge = '552 5.3.4 Message trop volumineux : la taille maximale acceptée est de 100 octets';
    const exchanges = [...opening(), x('RCPT', '250 Accepted'), x('DATA', '354 End data'), x('DATA-END', tooLarge)];
    assert.deepEqual(submissionRefusal(exchanges, 0, false), { reply: tooLarge, ended: true });
  });

  it('does not count a refusal observed before the mark', () => {
    const exchanges = [...opening(), x('RCPT', OUTSIDE), x('RSET', '250 Flushed')];
    assert.equal(submissionRefusal(exchanges, exchanges.at(-2)!.seq, true), undefined);
    assert.equal(submissionRefusal(exchanges, exchanges.at(-1)!.seq, true), undefined);
  });

  it('does not take an AUTH refusal for a refused message', () => {
    const exchanges = [x('AUTH', '535 5.7.8 Identifiants refusés')];
    assert.equal(submissionRefusal(exchanges, 0, true), undefined);
  });
});
