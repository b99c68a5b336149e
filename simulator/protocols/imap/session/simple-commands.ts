// Commands valid in any state or without effect on folders: CAPABILITY (RFC 3501 §6.1.1), NOOP
// (§6.1.2, the session's pending updates follow), CHECK (§6.4.1), LOGOUT (§6.1.3), ID (RFC 2971,
// the client's self-description goes to the journal), NAMESPACE (RFC 2342), ENABLE (RFC 5161:
// nothing to enable, so `* ENABLED` alone).
import type { ImapToken } from '../protocol/imap-token.ts';
import { imapText } from '../protocol/imap-text.ts';
import { ImapSyntaxError } from '../protocol/imap-syntax-error.ts';
import { WireBuilder } from '../protocol/wire-builder.ts';
import { capabilities } from './capabilities.ts';
import { TEXTS } from './imap-texts.ts';
import { ok, type Completion, type ImapCommand, type SessionContext } from './session-types.ts';

const SERVER_ID: readonly (readonly [string, string])[] = [
  ['name', 'Simulateur MSSante'],
  ['vendor', 'mssante-simulateur'],
];

export function capability(command: ImapCommand, session: SessionContext): Completion {
  command.args.end();
  session.io.sendLine(`* CAPABILITY ${capabilities(session.state, session.io.secure).join(' ')}`);
  return ok(TEXTS.capability);
}

export function noop(command: ImapCommand): Completion {
  command.args.end();
  return ok(command.name === 'CHECK' ? TEXTS.check : TEXTS.noop);
}

export function logout(command: ImapCommand, session: SessionContext): Completion {
  command.args.end();
  session.io.sendLine(`* BYE ${imapText(TEXTS.logoutBye)}`);
  session.state = { kind: 'logout' };
  return { ...ok(TEXTS.logout), after: () => session.io.close() };
}

export function id(command: ImapCommand, session: SessionContext): Completion {
  const token = command.args.next('paramètres ID');
  command.args.end();
  if (token.type === 'list') session.io.fact(`ID du client : ${describeId(token.items)}`);
  else if (token.type !== 'atom' || token.value.toUpperCase() !== 'NIL') throw new ImapSyntaxError('Paramètres ID attendus : liste ou NIL');
  const out = new WireBuilder().text('* ID (');
  SERVER_ID.forEach(([key, value], index) => out.text(index === 0 ? '' : ' ').string(key).text(' ').string(value));
  session.io.sendChunks(out.text(')\r\n').finish());
  return ok(TEXTS.done('ID'));
}

export function namespace(command: ImapCommand, session: SessionContext): Completion {
  command.args.end();
  session.io.sendLine('* NAMESPACE (("" "/")) NIL NIL');
  return ok(TEXTS.done('NAMESPACE'));
}

export function enable(command: ImapCommand, session: SessionContext): Completion {
  if (command.args.done) throw new ImapSyntaxError('ENABLE attend au moins une extension');
  while (!command.args.done) command.args.atom('extension');
  session.io.sendLine('* ENABLED');
  return ok(TEXTS.done('ENABLE'));
}

function describeId(items: readonly ImapToken[]): string {
  const pieces = items.map((item) => (item.type === 'string' ? item.value.toString('utf8') : item.type === 'atom' ? item.value : '…'));
  const pairs: string[] = [];
  for (let i = 0; i + 1 < pieces.length; i += 2) pairs.push(`${pieces[i]}=${pieces[i + 1]}`);
  return pairs.join(', ').slice(0, 300);
}
