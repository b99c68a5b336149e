import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedList } from './bounded-list.ts';
import type { FlowEntry } from './flow-entry.ts';
import { queryFlow } from './flow-query.ts';
import { ObservationBus } from '../observation-bus.ts';
import { createSmtpObserver } from '../../protocols/smtp/smtp-observer.ts';
import { rcptRefusalEntry } from './derive-flow-entries.ts';
import type { FlowDraft } from './flow-entry.ts';

const entry = (n: number, extra: Partial<FlowEntry> = {}): FlowEntry => ({ id: `f-${n}`, at: '2025-03-13T14:00:00.000Z', kind: 'delivered', from: 'a@x.mssante.fr', to: ['b@x.mssante.fr'], subject: `s${n}`, ...extra });

test('the bounded list drops the oldest once full and reads newest first', () => {
  const list = new BoundedList<number>(3);
  for (const n of [1, 2, 3, 4, 5]) list.push(n);
  assert.equal(list.size, 3);
  assert.deepEqual([0, 1, 2, 3].map((age) => list.fromNewest(age)), [5, 4, 3, undefined]);
  list.retain((n) => n !== 4, (n) => n * 10);
  assert.deepEqual([0, 1].map((age) => list.fromNewest(age)), [50, 30]);
  assert.throws(() => new BoundedList(0), RangeError);
});

test('pages are newest first; filters by mailbox, patient and scenario count every match', () => {
  const list = new BoundedList<FlowEntry>(100);
  for (let n = 1; n <= 10; n += 1) list.push(entry(n, n % 2 === 0 ? { to: ['284034912304586@patient.mssante.fr'], scenario: 'pair' } : {}));
  list.push(entry(11, { kind: 'bounced', from: 'mailer-daemon@patient.mssante.fr', to: ['a@x.mssante.fr'], originalRecipient: '284034912304586@patient.mssante.fr' }));
  assert.deepEqual(queryFlow(list, { limit: 3 }).entries.map((e) => e.id), ['f-11', 'f-10', 'f-9']);
  assert.equal(queryFlow(list, { limit: 3 }).total, 11);
  assert.deepEqual(queryFlow(list, { offset: 9, limit: 5 }).entries.map((e) => e.id), ['f-2', 'f-1']);
  const patient = queryFlow(list, { patient: '284034912304586', limit: 2 });
  assert.equal(patient.total, 6, 'five deliveries and the bounce about her');
  assert.deepEqual(patient.entries.map((e) => e.id), ['f-11', 'f-10']);
  assert.equal(queryFlow(list, { mailbox: 'A@X.mssante.fr' }).total, 11);
  assert.equal(queryFlow(list, { scenario: 'pair', offset: 4 }).entries.length, 1);
  assert.equal(queryFlow(list, { scenario: 'absent' }).total, 0);
});

test('10,000+ entries: a page, filtered or not, stays fast', () => {
  const list = new BoundedList<FlowEntry>(50_000);
  for (let n = 0; n < 50_000; n += 1) list.push(entry(n, n % 100 === 0 ? { to: ['284034912304586@patient.mssante.fr'] } : {}));
  const started = performance.now();
  const page = queryFlow(list, { patient: '284034912304586', limit: 100 });
  const plain = queryFlow(list, { offset: 20_000, limit: 100 });
  const elapsed = performance.now() - started;
  assert.equal(page.total, 500);
  assert.equal(plain.entries[0]?.id, 'f-29999');
  assert.ok(elapsed < 200, `${elapsed} ms`);
});

test('RCPT refusals come from the observed SMTP exchanges of the transaction', () => {
  const bus = new ObservationBus({ now: () => new Date('2025-03-13T14:00:00Z') });
  const entries: FlowDraft[] = [];
  bus.on('smtp-exchange', (exchange) => {
    const draft = rcptRefusalEntry(exchange);
    if (draft) entries.push(draft);
  });
  const observer = createSmtpObserver(bus, 'submission');
  const { logger } = observer;
  const feed = (direction: 'C' | 'S', text: string) => {
    logger.debug({ tnx: direction === 'C' ? 'command' : 'send', cid: '1' }, `${direction}:`, text);
    return entries.splice(0)[0];
  };
  feed('C', 'RCPT TO:<x@y.fr>');
  assert.equal(feed('S', '503 5.5.1 Error: need MAIL command'), undefined, 'no transaction yet');
  feed('C', 'MAIL FROM:<Pharmacie.Duparc@pharmacien.mssante.fr> SIZE=100');
  feed('S', '250 2.1.0 Accepted');
  feed('C', 'RCPT TO:<louise@patient.mssante.fr>');
  assert.equal(feed('S', '250 2.1.5 Accepted'), undefined);
  feed('C', 'RCPT TO:<Contact@exemple-hors-espace.fr> NOTIFY=FAILURE');
  observer.refused('submission-1', { code: 550, enhanced: '5.7.1', text: 'Destinataire refusé : domaine hors liste blanche MSSanté', detail: "Destinataire <contact@exemple-hors-espace.fr> refusé : le domaine exemple-hors-espace.fr n'est pas dans la liste blanche" });
  const refused = feed('S', '550 5.7.1 Destinataire refusé : domaine hors liste blanche MSSanté');
  assert.deepEqual(refused, {
    at: '2025-03-13T14:00:00.000Z', kind: 'refused-at-rcpt', from: 'pharmacie.duparc@pharmacien.mssante.fr', to: ['contact@exemple-hors-espace.fr'], subject: '', connectionId: 'submission-1',
    originalRecipient: 'contact@exemple-hors-espace.fr', reason: "Destinataire <contact@exemple-hors-espace.fr> refusé : le domaine exemple-hors-espace.fr n'est pas dans la liste blanche", status: '5.7.1',
  });
  feed('C', 'DATA');
  assert.equal(feed('S', '554 5.7.1 refusé'), undefined, 'only RCPT replies count');
  feed('C', 'RCPT TO:<z@y.fr>');
  const tooMany = feed('S', '452 Trop de destinataires');
  assert.deepEqual([tooMany?.status, tooMany?.reason], ['4.0.0', 'Trop de destinataires'], 'no detail: the reply text');
  logger.info({ tnx: 'close', cid: '1' }, 'Connection closed');
  feed('C', 'RCPT TO:<z@y.fr>');
  assert.equal(feed('S', '550 5.1.1 non'), undefined, 'the closed connection is forgotten');
});
