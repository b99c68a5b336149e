// How a client command appears in the journal: literals summarised by their size, and secrets
// hidden (the password of LOGIN, the SASL initial response of AUTHENTICATE, RFC 4959), so that
// evidence attached to a report never holds a credential.
import type { CommandParts } from './read-command.ts';

const LOGIN = /^(\S+ +LOGIN +)("(?:[^"\\]|\\.)*"|[^\s"{]+)?.*$/is;
const AUTHENTICATE = /^(\S+ +AUTHENTICATE +\S+)( +\S.*)?$/is;

export function journalCommand(parts: CommandParts): string {
  const text = parts.map((part) => (typeof part === 'string' ? part : `<${part.length} octets>`)).join('');
  const login = LOGIN.exec(text);
  if (login) return `${login[1]}${login[2] ?? ''} ***`;
  const authenticate = AUTHENTICATE.exec(text);
  if (authenticate) return `${authenticate[1]}${authenticate[2] ? ' ***' : ''}`;
  return text.length > 1000 ? `${text.slice(0, 1000)}… (${text.length} caractères)` : text;
}
