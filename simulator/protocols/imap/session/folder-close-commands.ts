// Leaving or cleaning the selected folder (RFC 3501 §6.4.2 CLOSE, §6.4.3 EXPUNGE, RFC 4315 §2.1
// UID EXPUNGE, RFC 3691 UNSELECT). EXPUNGE removes messages from the IMAP folder only: the
// MessageStore keeps every message it accepted (REG-IMAP-03: nothing accepted is lost), so the
// control API and the evidence still show them.
import type { SelectedMessage } from '../mailbox/folder-view.ts';
import { parseSequenceSet } from '../protocol/sequence-set.ts';
import { accountOf } from './folder-commands.ts';
import { TEXTS } from './imap-texts.ts';
import { selectedView } from './message-commands.ts';
import { no, ok, type Completion, type ImapCommand, type SessionContext } from './session-types.ts';

export function expunge(command: ImapCommand, session: SessionContext): Completion {
  const view = selectedView(session);
  const limit = command.uid ? new Set(view.select(parseSequenceSet(command.args.atom("ensemble d'UID")), true).map((m) => m.entry)) : undefined;
  command.args.end();
  if (view.readOnly) return no(TEXTS.readOnly, 'READ-ONLY');
  view.folder.expunge(deleted(view.all()).filter((m) => !limit || limit.has(m.entry)).map((m) => m.entry));
  for (const line of view.sync(true)) session.io.sendLine(line);
  return ok(TEXTS.done(command.uid ? 'UID EXPUNGE' : 'EXPUNGE'));
}

/** CLOSE expunges silently (no untagged EXPUNGE), UNSELECT does not expunge. */
export function close(command: ImapCommand, session: SessionContext): Completion {
  command.args.end();
  const view = selectedView(session);
  if (command.name === 'CLOSE' && !view.readOnly) view.folder.expunge(deleted(view.all()).map((m) => m.entry));
  session.state = { kind: 'authenticated', account: accountOf(session) };
  return ok(TEXTS.done(command.name));
}

function deleted(messages: readonly SelectedMessage[]): SelectedMessage[] {
  return messages.filter((m) => m.entry.flags.has('\\Deleted') && !m.entry.expunged);
}
