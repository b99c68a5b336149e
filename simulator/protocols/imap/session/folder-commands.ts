// Opening and counting folders (RFC 3501 §6.3): SELECT/EXAMINE and STATUS. LIST and LSUB are in
// list-command.ts, CREATE, DELETE, RENAME and the subscriptions in folder-admin-commands.ts.
import { FolderView } from '../mailbox/folder-view.ts';
import { SYSTEM_FLAGS } from '../mailbox/message-flags.ts';
import { atomsOf } from '../protocol/argument-reader.ts';
import { imapText } from '../protocol/imap-text.ts';
import { quote } from '../protocol/wire-builder.ts';
import { ImapSyntaxError } from '../protocol/imap-syntax-error.ts';
import { TEXTS } from './imap-texts.ts';
import { no, ok, type Account, type Completion, type ImapCommand, type SessionContext } from './session-types.ts';

export function select(command: ImapCommand, session: SessionContext): Completion {
  const name = command.args.astring('nom de dossier');
  command.args.end();
  const account = accountOf(session);
  session.state = { kind: 'authenticated', account }; // RFC 3501 §6.3.1: a failed SELECT leaves no folder selected
  const folder = session.services.registry.folder(account.mailbox, name);
  if (!folder) return no(TEXTS.unknownFolder(name), 'NONEXISTENT');
  const readOnly = command.name === 'EXAMINE';
  const view = new FolderView(folder, readOnly);
  const { io } = session;
  io.sendLine(`* FLAGS (${SYSTEM_FLAGS.join(' ')})`);
  io.sendLine(`* OK [PERMANENTFLAGS (${readOnly ? '' : `${SYSTEM_FLAGS.join(' ')} \\*`})] ${imapText(TEXTS.permanentFlags)}`);
  io.sendLine(`* ${view.exists} EXISTS`);
  io.sendLine(`* ${view.recentCount} RECENT`);
  const unseen = view.firstUnseen();
  if (unseen !== undefined) io.sendLine(`* OK [UNSEEN ${unseen}] ${imapText(TEXTS.firstUnseen(unseen))}`);
  io.sendLine(`* OK [UIDVALIDITY ${view.folder.uidValidity}] ${imapText(TEXTS.uidValidity)}`);
  io.sendLine(`* OK [UIDNEXT ${view.folder.uidNext}] ${imapText(TEXTS.uidNext)}`);
  session.state = { kind: 'selected', account, view };
  return ok(TEXTS.done(command.name), readOnly ? 'READ-ONLY' : 'READ-WRITE');
}

const STATUS_ITEMS = new Set(['MESSAGES', 'RECENT', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN']);

export function status(command: ImapCommand, session: SessionContext): Completion {
  const name = command.args.astring('nom de dossier');
  const items = atomsOf(command.args.list('éléments STATUS'), 'élément STATUS').map((item) => item.toUpperCase());
  command.args.end();
  const unknown = items.find((item) => !STATUS_ITEMS.has(item));
  if (unknown !== undefined) throw new ImapSyntaxError(`Élément STATUS inconnu : ${unknown}`);
  const folder = session.services.registry.folder(accountOf(session).mailbox, name);
  if (!folder) return no(TEXTS.unknownFolder(name), 'NONEXISTENT');
  const counts = folder.status();
  const values: Record<string, number> = { MESSAGES: counts.messages, RECENT: counts.recent, UIDNEXT: counts.uidNext, UIDVALIDITY: counts.uidValidity, UNSEEN: counts.unseen };
  session.io.sendLine(`* STATUS ${quote(folder.name)} (${items.map((item) => `${item} ${values[item]}`).join(' ')})`);
  return ok(TEXTS.done('STATUS'));
}

export function accountOf(session: SessionContext): Account {
  if (session.state.kind === 'authenticated' || session.state.kind === 'selected') return session.state.account;
  throw new Error('command run without an authenticated session'); // the command table prevents it
}
