// APPEND (RFC 3501 §6.3.11) with APPENDUID (RFC 4315 §3): how clients save their sent mail,
// their drafts (\Draft, then "replace on save": APPEND the new version, STORE \Deleted and
// EXPUNGE the old one) and their filing. The message is added to the MessageStore like any
// other (folder as asked, kind from its content, ingress `simulator`: it did not come over
// SMTP), so the control API and the journal of evidence see it too; the registry gives it its
// UID as it is stored. Nothing APPENDed is ever routed: only SMTP submission sends mail.
import { indexMessage } from '../../mime/message-reader.ts';
import { messageKind } from '../../../services/routing/message-kind.ts';
import { storableFlags } from '../mailbox/message-flags.ts';
import type { MessageEntry } from '../mailbox/message-entry.ts';
import { atomsOf } from '../protocol/argument-reader.ts';
import { parseDateTime } from '../protocol/imap-date.ts';
import { accountOf } from './folder-commands.ts';
import { missingTarget } from './folder-refusal-response.ts';
import { TEXTS } from './imap-texts.ts';
import { ok, type Completion, type ImapCommand, type SessionContext } from './session-types.ts';

export function append(command: ImapCommand, session: SessionContext): Completion {
  const name = command.args.astring('nom de dossier');
  const flagNames = command.args.peek()?.type === 'list' ? atomsOf(command.args.list('drapeaux'), 'drapeau') : [];
  const { date, message } = dateAndMessage(command);
  command.args.end();
  const flags = storableFlags(flagNames);
  const { mailbox } = accountOf(session);
  const folders = session.services.registry.folders(mailbox);
  const target = folders.get(name);
  if (!target) return missingTarget(folders, name);
  const folder = target.name;
  const index = indexMessage(message);
  const stored = session.services.store.add({
    mailbox,
    folder,
    kind: messageKind(index, message),
    envelope: { mailFrom: index.from[0] ?? '', rcptTo: [...index.to, ...index.cc] },
    raw: message,
    index,
    receivedAt: date ?? session.services.now(),
    ingress: 'simulator',
  });
  const entry = findEntry(target.entries, stored.id);
  if (entry) for (const flag of flags) entry.flags.add(flag); // a new entry: no session has seen it yet
  session.io.fact(`APPEND ${folder} : ${message.length} octets, message ${stored.id}`);
  return ok(TEXTS.done('APPEND'), entry ? `APPENDUID ${target.uidValidity} ${entry.uid}` : undefined);
}

/** `[date-time] message`: two strings when the optional date is there, else one. */
function dateAndMessage(command: ImapCommand): { date?: Date; message: Buffer } {
  const first = command.args.bytes('message');
  if (command.args.done) return { message: first };
  return { date: parseDateTime(first.toString('latin1')), message: command.args.bytes('message') };
}

function findEntry(entries: readonly MessageEntry[], id: string): MessageEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i -= 1) if (entries[i]?.message.id === id) return entries[i];
  return undefined;
}
