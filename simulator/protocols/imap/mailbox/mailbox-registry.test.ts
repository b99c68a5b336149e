import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageStore } from '../../../services/store/message-store.ts';
import type { MailFolder } from '../../../services/store/stored-message.ts';
import { MailboxRegistry, mailboxRegistryFor } from './mailbox-registry.ts';

function add(store: MessageStore, mailbox: string, folder: MailFolder = 'INBOX'): void {
  store.add({ mailbox, folder, kind: 'message', envelope: { mailFrom: '', rcptTo: [mailbox] }, raw: Buffer.from('Subject: x\r\n\r\ny'), receivedAt: new Date(0), ingress: 'peer' });
}

test('UIDs in arrival order per mailbox and folder, whether the mailbox was opened before or after', () => {
  const store = new MessageStore();
  const registry = new MailboxRegistry(store, () => new Date(Date.UTC(2025, 2, 20)));
  add(store, 'A@x.fr');
  add(store, 'b@x.fr');
  add(store, 'a@x.fr', 'Sent');
  add(store, 'a@x.fr');
  assert.deepEqual(registry.folder('a@x.fr', 'INBOX')?.entries.map((e) => [e.uid, e.message.id]), [[1, 'm-000001'], [2, 'm-000004']]);
  add(store, 'a@x.fr');
  assert.deepEqual(registry.folder('A@X.FR', 'INBOX')?.entries.map((e) => e.uid), [1, 2, 3]);
  assert.deepEqual(registry.folder('a@x.fr', 'Sent')?.entries.map((e) => e.message.id), ['m-000003']);
  assert.deepEqual(registry.folder('b@x.fr', 'INBOX')?.entries.map((e) => e.message.id), ['m-000002']);
  assert.equal(registry.folder('a@x.fr', 'INBOX')?.uidValidity, 1742428800);
});

test('after the store is cleared: new, larger UIDVALIDITY, UIDs from 1, reset listeners called', () => {
  const store = new MessageStore();
  const registry = new MailboxRegistry(store, () => new Date(Date.UTC(2025, 2, 20)));
  add(store, 'a@x.fr');
  registry.folders('a@x.fr');
  let resets = 0;
  registry.onReset(() => (resets += 1));
  store.clear();
  add(store, 'a@x.fr');
  const folder = registry.folder('a@x.fr', 'INBOX');
  assert.deepEqual([resets, folder?.uidValidity, folder?.entries.map((e) => e.uid)], [1, 1742428801, [1]]);
});

test('one registry per store, so that both endpoints share UIDs and flags', () => {
  const store = new MessageStore();
  assert.equal(mailboxRegistryFor(store, () => new Date()), mailboxRegistryFor(store, () => new Date(0)));
  assert.notEqual(mailboxRegistryFor(new MessageStore(), () => new Date()), mailboxRegistryFor(store, () => new Date()));
});

test('a reset (store cleared) removes user folders and subscriptions; UIDVALIDITY stays above every folder created before', () => {
  const store = new MessageStore();
  const registry = new MailboxRegistry(store, () => new Date(Date.UTC(2025, 2, 20)));
  const folders = registry.folders('a@x.fr');
  folders.create('Patients/Leroy');
  folders.subscribe('Patients/Leroy');
  const created = registry.folder('a@x.fr', 'Patients/Leroy')?.uidValidity ?? 0;
  store.clear();
  const after = registry.folders('A@x.fr');
  assert.deepEqual([after.names(), after.isSubscribed('Patients/Leroy')], [['INBOX', 'Drafts', 'Sent', 'Trash', 'Junk'], false]);
  assert.ok((after.get('INBOX')?.uidValidity ?? 0) > created);
});

test('a message stored in a user folder (APPEND) gets its UID there', () => {
  const store = new MessageStore();
  const registry = new MailboxRegistry(store, () => new Date(Date.UTC(2025, 2, 20)));
  registry.folders('a@x.fr').create('Patients');
  add(store, 'a@x.fr', 'Patients');
  assert.deepEqual(registry.folder('a@x.fr', 'Patients')?.entries.map((e) => e.uid), [1]);
});
