// How the webmail ties a report to the message it sent (SC.MSS/UX.35), on messages read by the
// client's own reader: by the DSN's Original-Envelope-Id alone, by In-Reply-To alone, and not
// at all when nothing names a sent message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readMessage } from '../../reference-client/message-reading.ts';
import { listItems, type ReadItem } from './webmail-folders.ts';

const SENT_ID = '7d1c0e52-0000-4000-8000-000000000001@ch-valbrume.mssante.fr';

function sent(): string {
  return [`Message-ID: <${SENT_ID}>`, 'From: paul.martin@ch-valbrume.mssante.fr', 'To: 152114908701235@patient.mssante.fr', 'Subject: Vos résultats', 'Date: Thu, 03 Dec 2026 10:00:00 +0000', '', 'Bonjour.', ''].join('\r\n');
}

function bounce(extraHeaders: string[], perMessage: string[]): string {
  return [
    'From: MAILER-DAEMON@patient.mssante.fr',
    'To: paul.martin@ch-valbrume.mssante.fr',
    'Subject: Message non distribué',
    'Date: Thu, 03 Dec 2026 10:00:05 +0000',
    ...extraHeaders,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    "Le message n'a pas pu être distribué.",
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; patient.mssante.fr',
    ...perMessage,
    '',
    'Final-Recipient: rfc822; 152114908701235@patient.mssante.fr',
    'Action: failed',
    'Status: 5.1.1',
    '',
    '--b--',
    '',
  ].join('\r\n');
}

async function items(report: string): Promise<ReadItem[]> {
  return [
    { folder: 'sent', uid: 4, date: new Date('2026-12-03T10:00:00Z'), read: await readMessage(Buffer.from(sent())) },
    { folder: 'inbox', uid: 9, date: new Date('2026-12-03T10:00:05Z'), read: await readMessage(Buffer.from(report)) },
  ];
}

test('a bounce naming only the envelope id (ENVID = local part of the Message-ID) is tied to the sent message', async () => {
  const listed = listItems(await items(bounce([], ['Original-Envelope-Id: 7d1c0e52-0000-4000-8000-000000000001'])));
  assert.deepEqual(listed.find((i) => i.kind === 'bounce')?.report?.aboutUid, 4);
  assert.deepEqual(listed.find((i) => i.folder === 'sent')?.delivery, { status: 'undelivered', reason: "Le message n'a pas pu être distribué.", reportUid: 9 });
});

test('a bounce naming the sent message in In-Reply-To only is tied to it', async () => {
  const listed = listItems(await items(bounce([`In-Reply-To: <${SENT_ID}>`], [])));
  assert.equal(listed.find((i) => i.kind === 'bounce')?.report?.aboutUid, 4);
});

test('a bounce that names no sent message is listed with its reason, tied to nothing', async () => {
  const listed = listItems(await items(bounce([], ['Original-Envelope-Id: autre-chose'])));
  const report = listed.find((i) => i.kind === 'bounce')?.report;
  assert.equal(report?.reason, "Le message n'a pas pu être distribué.");
  assert.equal(report?.aboutUid, undefined);
  assert.equal(listed.find((i) => i.folder === 'sent')?.delivery, undefined);
});
