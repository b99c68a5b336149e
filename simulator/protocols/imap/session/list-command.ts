// LIST and LSUB (RFC 3501 §6.3.8, §6.3.9) with the extended syntax of LIST-EXTENDED (RFC 5258):
// selection options SUBSCRIBED, REMOTE (no remote folders here), RECURSIVEMATCH and SPECIAL-USE
// (RFC 6154 §5.1), several patterns, return options SUBSCRIBED, CHILDREN and SPECIAL-USE.
// Children (RFC 3348) and special-use attributes are always returned (RFC 6154 §5.1 allows it).
import { HIERARCHY_DELIMITER, SPECIAL_FOLDERS, SPECIAL_USE, isSpecialFolder, matchesListPattern, superiorNames } from '../mailbox/folder-names.ts';
import type { MailboxFolders } from '../mailbox/mailbox-folders.ts';
import { ImapSyntaxError } from '../protocol/imap-syntax-error.ts';
import type { ImapToken } from '../protocol/imap-token.ts';
import { quote } from '../protocol/wire-builder.ts';
import { accountOf } from './folder-commands.ts';
import { TEXTS } from './imap-texts.ts';
import { ok, type Completion, type ImapCommand, type SessionContext } from './session-types.ts';

const SELECTION_OPTIONS = new Set(['SUBSCRIBED', 'REMOTE', 'RECURSIVEMATCH', 'SPECIAL-USE']);
const RETURN_OPTIONS = new Set(['SUBSCRIBED', 'CHILDREN', 'SPECIAL-USE']);

interface ListRequest {
  readonly reference: string;
  readonly patterns: readonly string[];
  readonly selection: ReadonlySet<string>;
  readonly returns: ReadonlySet<string>;
}

export function list(command: ImapCommand, session: SessionContext): Completion {
  const request = readRequest(command);
  const folders = session.services.registry.folders(accountOf(session).mailbox);
  const lsub = command.name === 'LSUB';
  if (!lsub && request.patterns.length === 1 && request.patterns[0] === '') {
    session.io.sendLine(`* LIST (\\Noselect) "${HIERARCHY_DELIMITER}" ""`); // RFC 3501 §6.3.8: the delimiter
    return ok(TEXTS.done(command.name));
  }
  const matches = (name: string) => request.patterns.some((pattern) => matchesListPattern(name, request.reference, pattern));
  const lines = lsub ? lsubLines(folders, matches) : listLines(folders, request, matches);
  for (const line of lines) session.io.sendLine(`* ${command.name} ${line}`);
  return ok(TEXTS.done(command.name));
}

function listLines(folders: MailboxFolders, request: ListRequest, matches: (name: string) => boolean): string[] {
  const subscribedOnly = request.selection.has('SUBSCRIBED');
  const showSubscribed = subscribedOnly || request.returns.has('SUBSCRIBED');
  const existing = new Set(folders.names());
  const subscriptions = folders.subscriptions();
  const candidates = subscribedOnly ? [...new Set([...subscriptions, ...(request.selection.has('RECURSIVEMATCH') ? [...subscriptions.flatMap(superiorNames), ...existing] : [])])] : [...existing];
  const lines: string[] = [];
  for (const name of sortedNames(candidates)) {
    if (!matches(name)) continue;
    const special = isSpecialFolder(name) ? SPECIAL_USE[name] : undefined;
    if (request.selection.has('SPECIAL-USE') && !special) continue;
    const subscribed = folders.isSubscribed(name);
    const childInfo = request.selection.has('RECURSIVEMATCH') && subscriptions.some((other) => other.startsWith(`${name}${HIERARCHY_DELIMITER}`));
    if (subscribedOnly && !subscribed && !childInfo) continue;
    const attributes = existing.has(name) ? [folders.hasChildren(name) ? '\\HasChildren' : '\\HasNoChildren'] : ['\\NonExistent'];
    if (special) attributes.push(special);
    if (showSubscribed && subscribed) attributes.push('\\Subscribed');
    lines.push(`(${attributes.join(' ')}) "${HIERARCHY_DELIMITER}" ${quote(name)}${childInfo ? ' ("CHILDINFO" ("SUBSCRIBED"))' : ''}`);
  }
  return lines;
}

/** LSUB: subscribed names; a superior that is not subscribed itself shows as \Noselect when `%` stops at it (RFC 3501 §6.3.9). */
function lsubLines(folders: MailboxFolders, matches: (name: string) => boolean): string[] {
  const subscriptions = folders.subscriptions();
  const stoppedAt = (superior: string) => !subscriptions.some((name) => name.startsWith(`${superior}${HIERARCHY_DELIMITER}`) && matches(name));
  const lines: string[] = [];
  for (const name of sortedNames([...new Set([...subscriptions, ...subscriptions.flatMap(superiorNames)])])) {
    const subscribed = folders.isSubscribed(name);
    if (!matches(name) || (!subscribed && !stoppedAt(name))) continue;
    const selectable = subscribed && folders.get(name) !== undefined;
    lines.push(`(${selectable ? '' : '\\Noselect'}) "${HIERARCHY_DELIMITER}" ${quote(name)}`);
  }
  return lines;
}

function sortedNames(names: readonly string[]): string[] {
  const rank = (name: string) => (isSpecialFolder(name) ? SPECIAL_FOLDERS.indexOf(name) : SPECIAL_FOLDERS.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function readRequest(command: ImapCommand): ListRequest {
  const extended = command.name === 'LIST';
  const selection = extended && command.args.peek()?.type === 'list' ? options(command.args.list('options de sélection'), SELECTION_OPTIONS) : new Set<string>();
  const reference = command.args.astring('référence');
  const patterns = extended && command.args.peek()?.type === 'list' ? command.args.list('motifs').map(patternText) : [command.args.astring('motif')];
  const returns = extended && command.args.acceptAtom('RETURN') ? options(command.args.list('options de retour'), RETURN_OPTIONS) : new Set<string>();
  command.args.end();
  if (selection.has('RECURSIVEMATCH') && !selection.has('SUBSCRIBED')) throw new ImapSyntaxError('RECURSIVEMATCH demande une autre option de sélection (SUBSCRIBED)'); // RFC 5258 §3
  if (patterns.length === 0) throw new ImapSyntaxError('Motif de LIST attendu');
  return { reference, patterns, selection, returns };
}

function options(items: readonly ImapToken[], known: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const item of items) {
    const name = item.type === 'atom' ? item.value.toUpperCase() : '';
    if (!known.has(name)) throw new ImapSyntaxError(`Option de LIST inconnue : ${item.type === 'atom' ? item.value.slice(0, 40) : 'liste ou chaîne'}`); // RFC 5258 §3: BAD
    found.add(name);
  }
  return found;
}

function patternText(token: ImapToken): string {
  if (token.type === 'atom') return token.value;
  if (token.type === 'string') return token.value.toString('utf8');
  throw new ImapSyntaxError('Motif de LIST attendu (chaîne)');
}
