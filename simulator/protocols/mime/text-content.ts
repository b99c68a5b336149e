// Text of a message for TEXT and BODY searches (RFC 3501 §6.4.4): the text/* parts with their
// transfer encoding undone (RFC 2045 §6.7 quoted-printable, §6.8 base64) and decoded as UTF-8
// (Latin-1 when the charset says so), other parts as written. The MIME headers of the parts are
// part of the body (an attachment's file name is found by BODY).
import type { MimeNode } from './mime-tree.ts';
import { parameter } from './parameterised-value.ts';
import { fieldValue } from './raw-header.ts';

export function bodyText(raw: Buffer, node: MimeNode): string {
  if (node.children.length > 0) return node.children.map((child) => `${headerText(raw, child)}\n${bodyText(raw, child)}`).join('\n');
  if (node.message) return `${headerText(raw, node.message)}\n${bodyText(raw, node.message)}`;
  const body = raw.subarray(node.bodyStart, node.end);
  if (node.type !== 'text') return body.toString('latin1');
  const decoded = undoTransferEncoding(body, (fieldValue(node.fields, 'CONTENT-TRANSFER-ENCODING') ?? '').toLowerCase());
  const charset = (parameter({ value: '', params: node.params }, 'charset') ?? 'utf-8').toLowerCase();
  return decoded.toString(/^(iso-8859-1|latin1|windows-1252|us-ascii)$/.test(charset) ? 'latin1' : 'utf8');
}

export function headerText(raw: Buffer, node: MimeNode): string {
  return raw.subarray(node.headerStart, node.bodyStart).toString('utf8');
}

function undoTransferEncoding(body: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding !== 'quoted-printable') return body;
  const text = body.toString('latin1').replace(/=\r?\n/g, '');
  return Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}
