// Reads one complete command from the client: its line, and each literal it announces
// (RFC 3501 §4.3 `{n}` with a `+` continuation request; RFC 7888 LITERAL+ `{n+}` without).
// Bounded: line length, literal size (larger for APPEND), literal count (imap-limits.ts).
import { MAX_APPEND_LITERAL_BYTES, MAX_LINE_BYTES, MAX_LITERAL_BYTES, MAX_LITERALS_PER_COMMAND } from './imap-limits.ts';
import type { SocketReader } from './socket-reader.ts';

/** Text parts (decoded as UTF-8, no CRLF) alternate with literals: text, literal, text, … text. */
export type CommandParts = readonly (string | Buffer)[];

export type CommandInput =
  | { readonly kind: 'command'; readonly parts: CommandParts }
  /**
   * Refused before it was complete: answer `BAD` with this text, tagged when the tag could be read;
   * with `close`, say BYE and close too (the rest of the command was not read).
   */
  | { readonly kind: 'refused'; readonly tag: string | undefined; readonly text: string; readonly close?: true }
  | { readonly kind: 'end' };

/** A refused non-synchronising literal up to this many times the limit is skipped; a bigger one closes the connection. */
const MAX_SKIPPED_LITERAL_FACTOR = 2;
const LITERAL_MARKER = /\{(\d{1,20})(\+?)\}$/;
const TAG = /^([^\s(){%*"\\\]+]+) /;

export interface ReadCommandOptions {
  /** Sends `+ <text>` (synchronising literal accepted). */
  readonly continuation: (text: string) => void;
}

export async function readCommand(reader: SocketReader, options: ReadCommandOptions): Promise<CommandInput> {
  const parts: (string | Buffer)[] = [];
  let literalBytes = 0;
  for (;;) {
    const result = await reader.readLine(MAX_LINE_BYTES);
    if (result.kind === 'end') return { kind: 'end' };
    if (result.kind === 'too-long') return refused(tagOf(typeof parts[0] === 'string' ? parts[0] : result.head.toString('latin1')), `Ligne de commande trop longue (plus de ${MAX_LINE_BYTES} octets)`);
    const text = result.line.toString('utf8');
    parts.push(text);
    const marker = LITERAL_MARKER.exec(text);
    if (!marker) return { kind: 'command', parts };
    const size = Number(marker[1]);
    const synchronising = marker[2] !== '+';
    const limit = isAppend(parts[0] as string) ? MAX_APPEND_LITERAL_BYTES : MAX_LITERAL_BYTES;
    const tooMany = parts.length / 2 >= MAX_LITERALS_PER_COMMAND;
    if (tooMany || literalBytes + size > limit) {
      const text = tooMany ? 'Trop de littéraux dans une commande' : `Littéral trop grand (${size} octets, limite ${limit})`;
      if (!synchronising) {
        // The client sends it anyway (RFC 7888 §4): up to twice the limit it is read and dropped and the
        // session goes on; beyond, reading gigabytes announced by anyone, even before LOGIN, is refused.
        if (size > MAX_SKIPPED_LITERAL_FACTOR * limit) return { kind: 'refused', tag: tagOf(parts[0] as string), text: `${text} : connexion fermée`, close: true };
        if (!(await skipRestOfCommand(reader, size))) return { kind: 'end' };
      }
      return refused(tagOf(parts[0] as string), text);
    }
    if (synchronising) options.continuation('Prêt pour le littéral');
    const literal = await reader.readBytes(size);
    if (literal === null) return { kind: 'end' };
    literalBytes += size;
    parts.push(literal);
  }
}

/** After a refused non-synchronising literal: the client sends it anyway, then the rest of its command. */
async function skipRestOfCommand(reader: SocketReader, literalSize: number): Promise<boolean> {
  let size = literalSize;
  for (;;) {
    if (!(await reader.skipBytes(size))) return false;
    const rest = await reader.readLine(MAX_LINE_BYTES);
    if (rest.kind === 'end') return false;
    if (rest.kind === 'too-long') return true;
    const marker = LITERAL_MARKER.exec(rest.line.toString('latin1'));
    if (!marker || marker[2] !== '+') return true; // a synchronising one would wait for our `+`: the command is over
    size = Number(marker[1]);
  }
}

function isAppend(firstLine: string): boolean {
  return /^\S+ +APPEND /i.test(firstLine);
}

export function tagOf(firstLine: string): string | undefined {
  return TAG.exec(firstLine)?.[1];
}

function refused(tag: string | undefined, text: string): CommandInput {
  return { kind: 'refused', tag, text };
}
