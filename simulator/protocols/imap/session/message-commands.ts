// Commands on the messages of the selected folder (RFC 3501 §6.4): FETCH, STORE, SEARCH and
// their UID forms, COPY (with COPYUID, RFC 4315 §3) and MOVE (RFC 6851).
import { compileSearch } from '../message/search-match.ts';
import type { FolderView, SelectedMessage } from '../mailbox/folder-view.ts';
import { flagList, storableFlags } from '../mailbox/message-flags.ts';
import type { FlagOperation } from '../mailbox/folder-state.ts';
import { atomsOf } from '../protocol/argument-reader.ts';
import { parseFetchItems } from '../protocol/fetch-items.ts';
import { imapText } from '../protocol/imap-text.ts';
import { ImapSyntaxError } from '../protocol/imap-syntax-error.ts';
import { SEARCH_CHARSETS, parseSearchProgram } from '../protocol/search-keys.ts';
import { formatNumbers, parseSequenceSet } from '../protocol/sequence-set.ts';
import { fetchResponse, setsSeen } from './fetch-response.ts';
import { missingTarget } from './folder-refusal-response.ts';
import { TEXTS } from './imap-texts.ts';
import { no, ok, type Completion, type ImapCommand, type SessionContext } from './session-types.ts';

export async function fetch(command: ImapCommand, session: SessionContext): Promise<Completion> {
  const view = selectedView(session);
  const set = parseSequenceSet(command.args.atom('ensemble de messages'));
  const items = parseFetchItems(command.args);
  command.args.end();
  const markSeen = setsSeen(items) && !view.readOnly;
  const isRecent = (m: SelectedMessage) => view.isRecent(m.entry);
  for (const message of view.select(set, command.uid)) {
    const seenNow = markSeen && !message.entry.flags.has('\\Seen');
    if (seenNow) view.noteOwnChange(view.folder.changeFlags(message.entry, 'add', ['\\Seen']));
    session.io.sendChunks(fetchResponse(message, items, { isRecent, withUid: command.uid, withFlags: seenNow }));
    await session.io.flush();
  }
  return ok(TEXTS.done(command.uid ? 'UID FETCH' : 'FETCH'));
}

const STORE_ITEM = /^([+-]?)FLAGS(\.SILENT)?$/i;

export function store(command: ImapCommand, session: SessionContext): Completion {
  const view = selectedView(session);
  const set = parseSequenceSet(command.args.atom('ensemble de messages'));
  const item = STORE_ITEM.exec(command.args.atom('élément STORE'));
  if (!item) throw new ImapSyntaxError('Élément STORE attendu : FLAGS, +FLAGS ou -FLAGS (.SILENT)');
  const next = command.args.peek();
  const names = next?.type === 'list' ? atomsOf(command.args.list('drapeaux'), 'drapeau') : remainingAtoms(command);
  command.args.end();
  const flags = storableFlags(names);
  if (view.readOnly) return no(TEXTS.readOnly, 'READ-ONLY');
  const operation: FlagOperation = item[1] === '+' ? 'add' : item[1] === '-' ? 'remove' : 'set';
  for (const message of view.select(set, command.uid)) {
    view.noteOwnChange(view.folder.changeFlags(message.entry, operation, flags));
    if (item[2]) continue;
    const uid = command.uid ? ` UID ${message.entry.uid}` : '';
    session.io.sendLine(`* ${message.seq} FETCH (FLAGS ${flagList(message.entry.flags, view.isRecent(message.entry))}${uid})`);
  }
  return ok(TEXTS.done(command.uid ? 'UID STORE' : 'STORE'));
}

export function search(command: ImapCommand, session: SessionContext): Completion {
  const view = selectedView(session);
  const program = parseSearchProgram(command.args);
  if (program.charset !== undefined && !(SEARCH_CHARSETS as readonly string[]).includes(program.charset)) {
    return no(TEXTS.badCharset, `BADCHARSET (${SEARCH_CHARSETS.join(' ')})`);
  }
  const all = view.all();
  const last = all[all.length - 1];
  const matches = compileSearch(program.key, { maxSeq: all.length, maxUid: last?.entry.uid ?? 0, isRecent: (m) => view.isRecent(m.entry) });
  const found = all.filter(matches).map((m) => (command.uid ? m.entry.uid : m.seq));
  session.io.sendLine(found.length === 0 ? '* SEARCH' : `* SEARCH ${found.join(' ')}`);
  return ok(TEXTS.done(command.uid ? 'UID SEARCH' : 'SEARCH'));
}

/** COPY and MOVE: new entries in the target folder (same stored message, flags and internal date kept). */
export function copyOrMove(command: ImapCommand, session: SessionContext): Completion {
  const view = selectedView(session);
  const set = parseSequenceSet(command.args.atom('ensemble de messages'));
  const name = command.args.astring('dossier de destination');
  command.args.end();
  const label = `${command.uid ? 'UID ' : ''}${command.name}`;
  const folders = session.services.registry.folders(view.folder.mailbox);
  const target = folders.get(name);
  if (!target) return missingTarget(folders, name); // RFC 3501 §6.4.7
  const move = command.name === 'MOVE';
  if (move && view.readOnly) return no(TEXTS.readOnly, 'READ-ONLY');
  const sources = view.select(set, command.uid).filter((m) => !m.entry.expunged);
  if (sources.length === 0) return ok(TEXTS.done(label));
  const copies = sources.map((m) => target.add(m.entry.message, { flags: m.entry.flags, internalDate: m.entry.internalDate }));
  const copyUid = `COPYUID ${target.uidValidity} ${formatNumbers(sources.map((m) => m.entry.uid))} ${formatNumbers(copies.map((c) => c.uid))}`;
  if (!move) return ok(TEXTS.done(label), copyUid);
  session.io.sendLine(`* OK [${copyUid}] ${imapText(TEXTS.moveCopyUid)}`); // RFC 6851 §4.3
  view.folder.expunge(sources.map((m) => m.entry));
  for (const line of view.sync(true)) session.io.sendLine(line);
  return ok(TEXTS.done(label));
}

export function selectedView(session: SessionContext): FolderView {
  if (session.state.kind !== 'selected') throw new Error('command run without a selected folder'); // the command table prevents it
  return session.state.view;
}

function remainingAtoms(command: ImapCommand): string[] {
  const names: string[] = [];
  while (!command.args.done) names.push(command.args.atom('drapeau'));
  return names;
}
