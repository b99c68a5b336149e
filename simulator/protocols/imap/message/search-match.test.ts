import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredMessage } from '../../../services/store/stored-message.ts';
import { FolderState } from '../mailbox/folder-state.ts';
import { FolderView } from '../mailbox/folder-view.ts';
import { ArgumentReader } from '../protocol/argument-reader.ts';
import { parseSearchProgram } from '../protocol/search-keys.ts';
import { tokenize } from '../protocol/tokenize.ts';
import { compileSearch } from './search-match.ts';
import { NESTED } from './testing-messages.ts';

function stored(id: string, raw: Buffer, receivedAt: Date): StoredMessage {
  return { id, mailbox: 'a@x.fr', folder: 'INBOX', kind: 'message', envelope: { mailFrom: '', rcptTo: [] }, raw, index: { references: [], from: [], to: [], cc: [], replyTo: [], xMss: {}, headerBytes: 0 }, receivedAt, ingress: 'peer' };
}

const folder = new FolderState('a@x.fr', 'INBOX', 1);
folder.add(stored('m1', NESTED, new Date(Date.UTC(2025, 2, 20, 9))));
folder.add(stored('m2', Buffer.from('From: patient@patient.mssante.fr\r\nSubject: Re: [FIN]\r\nX-MSS-MES: FIN\r\nDate: Fri, 21 Mar 2025 08:00:00 +0000\r\n\r\nMerci\r\n'), new Date(Date.UTC(2025, 2, 21, 9))));
folder.changeFlags(folder.entries[1]!, 'add', ['\\Answered']);
const view = new FolderView(folder, false);

function search(criteria: string): number[] {
  const { key } = parseSearchProgram(new ArgumentReader(tokenize([criteria])));
  const matcher = compileSearch(key, { maxSeq: view.exists, maxUid: 2, isRecent: (m) => view.isRecent(m.entry) });
  return view.all().filter(matcher).map((m) => m.seq);
}

test('header keys decode RFC 2047 and ignore case; HEADER with an empty value tests presence', () => {
  assert.deepEqual(search('SUBJECT "compte rendu détaillé"'), [1]);
  assert.deepEqual(search('FROM PATIENT'), [2]);
  assert.deepEqual(search('TO equipe'), [1]);
  assert.deepEqual(search('HEADER X-MSS-MES ""'), [2]);
  assert.deepEqual(search('HEADER X-MSS-MES fin'), [2]);
});

test('BODY decodes quoted-printable text parts and sees part headers; TEXT also looks at the header', () => {
  assert.deepEqual(search('BODY "préparez"'), [1]);
  assert.deepEqual(search('BODY "inner body"'), [1]);
  assert.deepEqual(search('BODY ordonnance.eml'), [1]); // a part's MIME header is in the message body
  assert.deepEqual(search('BODY cardiologue'), []);
  assert.deepEqual(search('TEXT cardiologue'), [1]);
  assert.deepEqual(search('TEXT merci'), [2]);
});

test('flags, dates of arrival and of sending, sizes, sets, NOT and OR', () => {
  assert.deepEqual(search('ANSWERED'), [2]);
  assert.deepEqual(search('UNANSWERED RECENT'), [1]);
  assert.deepEqual(search('NEW'), [1, 2]);
  assert.deepEqual(search('ON 21-Mar-2025'), [2]);
  assert.deepEqual(search('SENTBEFORE 21-Mar-2025'), [1]);
  assert.deepEqual(search(`SMALLER ${NESTED.length}`), [2]);
  assert.deepEqual(search('UID 2:*'), [2]);
  assert.deepEqual(search('OR 1 NOT *'), [1]);
});
