// The trace lines of final delivery (REG-SMTP-07, RFC 5321 §4.4): the copy put into a mailbox starts with
// `Return-Path: <reverse-path>`, `<>` for the null sender of bounces and receipts (RFC 5321
// §4.5.5), so that a mail client recognises them, then, for a message received over SMTP, the
// `Received` line of the server that accepted it. The rest of the message is kept byte for byte.
import type { MessageIndex } from '../../protocols/mime/message-index.ts';

/** `Return-Path: <sender>` and CRLF, the line prepended to a delivered copy. */
export function returnPathLine(mailFrom: string): Buffer {
  return Buffer.from(returnPathText(mailFrom), 'utf8');
}

function returnPathText(mailFrom: string): string {
  return `Return-Path: <${mailFrom}>\r\n`;
}

/** The same for bytes made later (a report the simulator built, lazy-stored-message.ts): the index now, the bytes on demand. */
export function lazyWithReturnPath(index: MessageIndex, bytes: () => Buffer, mailFrom: string): { index: MessageIndex; bytes: () => Buffer } {
  const line = returnPathLine(mailFrom);
  return { index: { ...index, headerBytes: index.headerBytes + line.length }, bytes: () => Buffer.concat([line, bytes()]) };
}

/**
 * The delivered bytes (joined by `join`, Buffer.concat by default): the `Return-Path` line, then
 * the `Received` trace of the server that accepted the message over SMTP when there is one
 * (received-trace.ts), then the message as received; the header index shifted by what was put in
 * front, and that length.
 */
export function withReturnPath(raw: Buffer, index: MessageIndex, mailFrom: string, join: (parts: readonly Buffer[]) => Buffer = (parts) => Buffer.concat(parts), trace?: string): { raw: Buffer; index: MessageIndex; prefix: number } {
  const lines = trace === undefined ? [returnPathLine(mailFrom)] : [returnPathLine(mailFrom), Buffer.from(trace, 'latin1')];
  const prefix = lines.reduce((length, line) => length + line.length, 0);
  return { raw: join([...lines, raw]), index: { ...index, headerBytes: index.headerBytes + prefix }, prefix };
}
