import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JournalLine } from '../../../simulator/mail/journal.ts';
import { authenticatedMailbox, submissionRefusal } from './submission-refusal.ts';

const at = new Date('2026-03-02T09:00:00Z');
const c = (text: string): JournalLine => ({ at, direction: 'C', text });
const s = (text: string): JournalLine => ({ at, direction: 'S', text });
const fact = (text: string): JournalLine => ({ at, direction: '*', text });

const OUTSIDE = '550 5.7.1 Destinataire refusé : domaine hors liste blanche MSSanté';
const opening = [s('220 simulateur'), c('EHLO [127.0.0.1]'), fact('AUTH XOAUTH2 réussie : Pharmacie.Duparc@pharmacien.mssante.fr (session Pro Santé Connect 1)'), s('235 Authentication successful'), c('MAIL FROM:<pharmacie.duparc@pharmacien.mssante.fr>'), s('250 Accepted')];

describe('submissionRefusal', () => {
  it('reads the RCPT refusal as the reply of an ended transaction once DATA is refused (nodemailer sends DATA anyway)', () => {
    const lines = [...opening, c('RCPT TO:<x@exemple.com>'), s(OUTSIDE), c('DATA'), s('503 Error: need RCPT command')];
    assert.deepEqual(submissionRefusal(lines, 0, false), { reply: OUTSIDE, ended: true });
  });

  it('keeps a refusal pending while the transaction may go on, and ends it with RSET or the connection closing', () => {
    const pending = [...opening, c('RCPT TO:<x@exemple.com>'), s(OUTSIDE)];
    assert.deepEqual(submissionRefusal(pending, 0, false), { reply: OUTSIDE, ended: false });
    assert.deepEqual(submissionRefusal(pending, 0, true), { reply: OUTSIDE, ended: true });
    assert.deepEqual(submissionRefusal([...pending, c('RSET'), s('250 Flushed')], 0, false), { reply: OUTSIDE, ended: true });
  });

  it('ignores a refused recipient when the message was accepted for another one', () => {
    const lines = [...opening, c('RCPT TO:<x@exemple.com>'), s(OUTSIDE), c('RCPT TO:<paul.martin@ch-valbrume.mssante.fr>'), s('250 Accepted'), c('DATA'), s('354 End data'), c('<300 octets de DATA>'), s('250 2.0.0 Message accepté, identifiant t-000001')];
    assert.equal(submissionRefusal(lines, 0, true), undefined);
  });

  it('reads a refusal at the end of DATA (message too large)', () => {
    const tooLarge = '552 5.3.4 Message trop volumineux : 100 octets au plus';
    const lines = [...opening, c('RCPT TO:<paul.martin@ch-valbrume.mssante.fr>'), s('250 Accepted'), c('DATA'), s('354 End data'), c('<300 octets de DATA>'), s(tooLarge)];
    assert.deepEqual(submissionRefusal(lines, 0, false), { reply: tooLarge, ended: true });
  });

  it('does not count a refusal written before the mark', () => {
    const lines = [...opening, c('RCPT TO:<x@exemple.com>'), s(OUTSIDE), c('RSET'), s('250 Flushed')];
    assert.equal(submissionRefusal(lines, lines.length - 2, true), undefined);
    assert.equal(submissionRefusal(lines, lines.length, true), undefined);
  });

  it('does not take an AUTH refusal for a refused message', () => {
    const lines = [s('220 simulateur'), c('AUTH PLAIN /* secured */'), s('535 5.7.8 Identifiants refusés')];
    assert.equal(submissionRefusal(lines, 0, true), undefined);
  });
});

describe('authenticatedMailbox', () => {
  it('reads the mailbox of the AUTH fact, lower-cased, and nothing before AUTH', () => {
    assert.equal(authenticatedMailbox(opening), 'pharmacie.duparc@pharmacien.mssante.fr');
    assert.equal(authenticatedMailbox(opening.slice(0, 2)), undefined);
  });
});
