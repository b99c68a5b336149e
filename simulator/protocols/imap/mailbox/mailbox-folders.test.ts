import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredMessage } from '../../../services/store/stored-message.ts';
import { MAX_FOLDER_NAME_LENGTH, MAX_USER_FOLDERS } from '../protocol/imap-limits.ts';
import { folderNameProblem } from './folder-name-rules.ts';
import { MailboxFolders } from './mailbox-folders.ts';

let issued = 100;
function mailbox(): MailboxFolders {
  return new MailboxFolders('a@x.fr', 7, () => (issued += 1));
}

function message(id: string): StoredMessage {
  return { id, mailbox: 'a@x.fr', folder: 'INBOX', kind: 'message', envelope: { mailFrom: '', rcptTo: [] }, raw: Buffer.from('Subject: x\r\n\r\ny'), index: { references: [], from: [], to: [], cc: [], replyTo: [], xMss: {}, headerBytes: 0 }, receivedAt: new Date(0), ingress: 'peer' };
}

test('every mailbox has INBOX and the special-use folders, subscribed; INBOX in any case', () => {
  const folders = mailbox();
  assert.deepEqual(folders.names(), ['INBOX', 'Drafts', 'Sent', 'Trash', 'Junk']);
  assert.deepEqual(folders.subscriptions(), ['Drafts', 'INBOX', 'Junk', 'Sent', 'Trash']);
  assert.equal(folders.get('inbox')?.name, 'INBOX');
  assert.equal(folders.get('drafts'), undefined); // RFC 3501 §5.1: only INBOX is case-insensitive
});

test('CREATE makes the superiors; DELETE refuses special folders and folders with inferiors', () => {
  const folders = mailbox();
  assert.equal(folders.create('Patients/Leroy/2025'), undefined);
  assert.deepEqual(folders.names().slice(5), ['Patients', 'Patients/Leroy', 'Patients/Leroy/2025']);
  assert.equal(folders.hasChildren('Patients'), true);
  assert.equal(folders.create('Patients'), 'already-exists');
  assert.equal(folders.create('inbox'), 'already-exists');
  assert.equal(folders.delete('Patients'), 'has-children');
  assert.equal(folders.delete('Drafts'), 'special-folder');
  assert.equal(folders.delete('INBOX'), 'special-folder');
  assert.equal(folders.delete('Absent'), 'nonexistent');
  assert.equal(folders.delete('Patients/Leroy/2025'), undefined);
  assert.equal(folders.hasChildren('Patients/Leroy'), false);
});

test('a name deleted then created again gets a new UIDVALIDITY (RFC 3501 §2.3.1.1)', () => {
  const folders = mailbox();
  folders.create('Archives');
  const first = folders.get('Archives')?.uidValidity;
  folders.delete('Archives');
  folders.create('Archives');
  assert.notEqual(folders.get('Archives')?.uidValidity, first);
});

test('RENAME carries inferiors and subscriptions; special folders stay; no folder into itself', () => {
  const folders = mailbox();
  folders.create('Services/Officine');
  folders.subscribe('Services/Officine');
  const officine = folders.get('Services/Officine');
  assert.equal(folders.rename('Services', 'Equipes/Pharmacie'), undefined);
  assert.deepEqual(folders.names().slice(5), ['Equipes', 'Equipes/Pharmacie', 'Equipes/Pharmacie/Officine']);
  assert.equal(folders.get('Equipes/Pharmacie/Officine'), officine);
  assert.equal(officine?.name, 'Equipes/Pharmacie/Officine');
  assert.equal(folders.isSubscribed('Equipes/Pharmacie/Officine'), true);
  assert.equal(folders.rename('Sent', 'Envoyes'), 'special-folder');
  assert.equal(folders.rename('Equipes', 'Equipes/Sous'), 'into-itself');
  assert.equal(folders.rename('Equipes', 'Junk'), 'already-exists');
  assert.equal(folders.rename('Absent', 'Autre'), 'nonexistent');
  assert.equal(folders.rename('Equipes', 'a%b'), 'wildcard');
});

test('RENAME INBOX moves its messages to the new folder and leaves INBOX empty (RFC 3501 §6.3.5)', () => {
  const folders = mailbox();
  const inbox = folders.get('INBOX');
  inbox?.add(message('m-1'), { flags: ['\\Seen'] });
  inbox?.add(message('m-2'));
  assert.equal(folders.rename('INBOX', 'Anciens/2024'), undefined);
  assert.equal(inbox?.entries.length, 0);
  assert.deepEqual(folders.get('Anciens/2024')?.entries.map((e) => [e.uid, e.message.id, [...e.flags]]), [[1, 'm-1', ['\\Seen']], [2, 'm-2', []]]);
  assert.deepEqual(folders.names().slice(0, 1), ['INBOX']);
});

test('limits: folder count (superiors included) and name length', () => {
  const folders = mailbox();
  for (let i = 0; i < MAX_USER_FOLDERS - 1; i += 1) assert.equal(folders.create(`D${i}`), undefined);
  assert.equal(folders.createProblem('X/Y'), 'too-many-folders');
  assert.equal(folders.create('X'), undefined);
  assert.equal(folders.create('Y'), 'too-many-folders');
  assert.equal(folderNameProblem('a'.repeat(MAX_FOLDER_NAME_LENGTH + 1)), 'name-too-long');
});

test('names: empty, misplaced delimiters, wildcards, control characters, 8-bit, broken modified UTF-7', () => {
  const problems = ['', '/a', 'a/', 'a//b', 'a*', '%', 'a\tb', 'Entrées', 'R&D', 'Entr&AOk-es', 'R&-D', 'Dossier "x"'].map(folderNameProblem);
  assert.deepEqual(problems, ['empty-name', 'bad-delimiter', 'bad-delimiter', 'bad-delimiter', 'wildcard', 'wildcard', 'control-character', 'not-7-bit', 'not-7-bit', undefined, undefined, undefined]);
});

test('subscriptions: SUBSCRIBE needs an existing folder; DELETE keeps the name subscribed (RFC 3501 §6.3.6)', () => {
  const folders = mailbox();
  assert.equal(folders.subscribe('Absent'), 'nonexistent');
  folders.create('Classement');
  folders.subscribe('Classement');
  folders.delete('Classement');
  assert.equal(folders.isSubscribed('Classement'), true);
  assert.equal(folders.unsubscribe('Classement'), undefined);
  assert.equal(folders.unsubscribe('Classement'), 'nonexistent');
});
