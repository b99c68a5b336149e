import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BETWEEN_SCENARIOS, describeViolation, ledgerViolations, type LedgerEvent } from './campaign-ledger.ts';

const gerard = '178069912345623@patient.mssante.fr';
const rousseau = 'helene.rousseau@medecin.mssante.fr';
const failed = { scenario: 'message à Gérard non remis', subject: 'Information', recipients: [gerard], messageId: 'a1@pharmacien.mssante.fr' };
const failure: LedgerEvent = { kind: 'failure', at: 10, message: failed, failedRecipients: [gerard], reply: '5.1.1' };
const sent = (at: number, scenario: string, recipients: string[], messageId: string, askedRecipients: string[] = recipients, subject = 'Information', askedSubjects: string[] = []): LedgerEvent => ({ kind: 'transmission', at, message: { scenario, subject, recipients, messageId }, asked: { recipients: askedRecipients, subjects: askedSubjects } });

describe('campaign ledger', () => {
  it('finds a resend with the failed Message-ID in a later scenario that wrote to someone else', () => {
    const violations = ledgerViolations([sent(5, failed.scenario, [gerard], failed.messageId), failure, sent(30, 'message à Yvette', [gerard], failed.messageId, ['yvette@patient.mssante.fr'], 'Information', ['Information'])]);
    assert.equal(violations.length, 1);
    assert.equal(violations[0]?.rule, 'resend');
    assert.equal(violations[0]?.original.scenario, failed.scenario);
    assert.match(describeViolation(violations[0]!), /du scénario « message à Gérard non remis ».*pendant le scénario « message à Yvette »/);
  });

  it('finds the same message again in the failed message\'s own scenario', () => {
    const violations = ledgerViolations([sent(5, failed.scenario, [gerard], failed.messageId), failure, sent(12, failed.scenario, [gerard], failed.messageId)]);
    assert.deepEqual(violations.map((v) => v.rule), ['resend']);
  });

  it('calls a message the scenario asked for, to the same patient with the failed Message-ID, a reused Message-ID', () => {
    const violations = ledgerViolations([sent(5, failed.scenario, [gerard], failed.messageId), failure, sent(30, 'plusieurs messages en vol', [gerard], failed.messageId, [gerard], 'Information', ['Information'])]);
    assert.deepEqual(violations.map((v) => v.rule), ['message-id-reused']);
  });

  it('finds the very message that failed (same Message-ID and Date) landing while a later scenario writes the same to the same patient', () => {
    const date = 'Fri, 04 Dec 2026 14:00:00 +0000';
    const first = { ...failed, date };
    const events: LedgerEvent[] = [{ kind: 'transmission', at: 5, message: first, asked: { recipients: [gerard], subjects: ['Information'] } }, { ...failure, message: first }];
    const again = (messageDate: string): LedgerEvent => ({ kind: 'transmission', at: 30, message: { ...failed, scenario: 'plusieurs messages en vol', date: messageDate }, asked: { recipients: [gerard], subjects: ['Information'] } });
    assert.deepEqual(ledgerViolations([...events, again(date)]).map((v) => v.rule), ['resend']);
    // A new message (its own Date) that takes the failed message's Message-ID reuses it.
    assert.deepEqual(ledgerViolations([...events, again('Fri, 04 Dec 2026 14:00:31 +0000')]).map((v) => v.rule), ['message-id-reused']);
  });

  it('finds a delayed resend landing while another scenario writes to the same patient about something else', () => {
    const violations = ledgerViolations([sent(5, failed.scenario, [gerard], failed.messageId), failure, sent(30, 'second message à Gérard', [gerard], failed.messageId, [gerard], 'Information', ['Vaccin'])]);
    assert.deepEqual(violations.map((v) => v.rule), ['resend']);
  });

  it('finds a resend built anew (new Message-ID) that no action of its scenario asked for, also between scenarios', () => {
    const violations = ledgerViolations([failure, sent(40, BETWEEN_SCENARIOS, [gerard], 'new@x', [])]);
    assert.equal(violations[0]?.rule, 'resend');
    assert.match(describeViolation(violations[0]!), /entre deux scénarios/);
  });

  it('accepts a new message the later scenario asked for, to the same recipient or with the same subject', () => {
    assert.deepEqual(ledgerViolations([failure, sent(40, 'un autre scénario', [gerard], 'b2@x')]), []);
    assert.deepEqual(ledgerViolations([failure, sent(40, 'adresse calculée par le logiciel', [gerard], 'b3@x', ['autre@patient.mssante.fr'], 'Information', ['Information'])]), []);
  });

  it('accepts an unrequested message with another subject: not the same message', () => {
    assert.deepEqual(ledgerViolations([failure, sent(40, 'suite', [gerard], 'b4@x', [], 'Autre chose')]), []);
  });

  it('ignores what was transmitted before the failure and messages to other recipients', () => {
    assert.deepEqual(ledgerViolations([sent(5, failed.scenario, [gerard], failed.messageId), failure, sent(40, 'suite', [rousseau], 'c3@x', [])]), []);
  });

  it('finds a Message-ID used again in another scenario, naming the first message', () => {
    const violations = ledgerViolations([sent(1, 'premier', [rousseau], 'same@x'), sent(2, 'second', [rousseau], 'SAME@x')]);
    assert.equal(violations.length, 1);
    assert.equal(violations[0]?.rule, 'message-id-reused');
    assert.match(describeViolation(violations[0]!), /MSS\/va1\.12.*/);
    assert.match(describeViolation(violations[0]!), /du scénario « premier »/);
  });

  it('reports a resend once, not also as a reused Message-ID, and sorts events by time', () => {
    const violations = ledgerViolations([sent(30, 'suite', [gerard], failed.messageId, []), failure, sent(5, failed.scenario, [gerard], failed.messageId)]);
    assert.deepEqual(violations.map((v) => v.rule), ['resend']);
  });
});
