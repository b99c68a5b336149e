// Folders a client manages (RFC 3501 §6.3.3–6.3.7): CREATE (a trailing "/" declares a future
// superior and is dropped, §6.3.3), DELETE, RENAME, SUBSCRIBE and UNSUBSCRIBE. The folders and
// the subscription list belong to the mailbox (mailbox-folders.ts), so every session of an
// organisational mailbox sees the same ones. Refusals are a French NO with an RFC 5530 code.
import { HIERARCHY_DELIMITER } from '../mailbox/folder-names.ts';
import type { FolderRefusal } from '../mailbox/folder-refusal.ts';
import { accountOf } from './folder-commands.ts';
import { folderRefused } from './folder-refusal-response.ts';
import { TEXTS } from './imap-texts.ts';
import { ok, type Completion, type ImapCommand, type SessionContext } from './session-types.ts';

export function create(command: ImapCommand, session: SessionContext): Completion {
  const name = command.args.astring('nom de dossier');
  command.args.end();
  const wanted = name.length > 1 && name.endsWith(HIERARCHY_DELIMITER) && !name.endsWith(`${HIERARCHY_DELIMITER}${HIERARCHY_DELIMITER}`) ? name.slice(0, -1) : name;
  return answer(command, session, wanted, mailboxFolders(session).create(wanted), `CREATE ${wanted}`);
}

export function deleteFolder(command: ImapCommand, session: SessionContext): Completion {
  const name = command.args.astring('nom de dossier');
  command.args.end();
  return answer(command, session, name, mailboxFolders(session).delete(name), `DELETE ${name}`);
}

export function rename(command: ImapCommand, session: SessionContext): Completion {
  const from = command.args.astring('nom de dossier');
  const to = command.args.astring('nouveau nom');
  command.args.end();
  const folders = mailboxFolders(session);
  const refusal = folders.rename(from, to);
  const named = refusal === 'nonexistent' || refusal === 'special-folder' || refusal === 'into-itself' ? from : to;
  return answer(command, session, named, refusal, `RENAME ${from} -> ${to}`);
}

/** SUBSCRIBE and UNSUBSCRIBE (RFC 3501 §6.3.6, §6.3.7); the list is kept per mailbox. */
export function subscribe(command: ImapCommand, session: SessionContext): Completion {
  const name = command.args.astring('nom de dossier');
  command.args.end();
  const folders = mailboxFolders(session);
  const refusal = command.name === 'SUBSCRIBE' ? folders.subscribe(name) : folders.unsubscribe(name);
  return answer(command, session, name, refusal);
}

function answer(command: ImapCommand, session: SessionContext, name: string, refusal: FolderRefusal | undefined, fact?: string): Completion {
  if (refusal) return folderRefused(refusal, name);
  if (fact) session.io.fact(`Dossier : ${fact}`);
  return ok(TEXTS.done(command.name));
}

function mailboxFolders(session: SessionContext) {
  return session.services.registry.folders(accountOf(session).mailbox);
}
