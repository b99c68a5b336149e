// The bytes of BODY[section] (RFC 3501 §6.4.5): the whole message, HEADER, HEADER.FIELDS (…),
// HEADER.FIELDS.NOT (…), TEXT, and for part paths the part's body, its MIME header, or — for a
// message/rfc822 part — the encapsulated message's HEADER/TEXT. Part 1 of a non-multipart
// message is its body. A part that does not exist gives null (sent as NIL).
import type { BodySection } from '../protocol/fetch-items.ts';
import type { MimeNode } from '../../mime/message-reader.ts';

const CRLF = Buffer.from('\r\n');

export function sectionBytes(raw: Buffer, root: MimeNode, section: BodySection): Buffer | null {
  if (section.path.length === 0) return messageSection(raw, root, section);
  const part = resolvePart(root, section.path);
  if (!part) return null;
  switch (section.specifier) {
    case 'ALL':
      return raw.subarray(part.bodyStart, part.end);
    case 'MIME':
      return raw.subarray(part.headerStart, part.bodyStart);
    default:
      return part.message ? messageSection(raw, part.message, section) : null;
  }
}

/** The part a path names, or undefined. */
export function resolvePart(root: MimeNode, path: readonly number[]): MimeNode | undefined {
  let part = partOf(root, path[0] as number);
  for (const number of path.slice(1)) {
    if (!part) return undefined;
    if (part.message) part = partOf(part.message, number);
    else if (part.children.length > 0) part = part.children[number - 1];
    else return undefined;
  }
  return part;
}

function partOf(entity: MimeNode, number: number): MimeNode | undefined {
  if (entity.children.length > 0) return entity.children[number - 1];
  return number === 1 ? entity : undefined;
}

function messageSection(raw: Buffer, message: MimeNode, section: BodySection): Buffer {
  switch (section.specifier) {
    case 'HEADER':
      return raw.subarray(message.headerStart, message.bodyStart);
    case 'TEXT':
      return raw.subarray(message.bodyStart, message.end);
    case 'HEADER.FIELDS':
    case 'HEADER.FIELDS.NOT':
      return selectedFields(raw, message, new Set(section.fields), section.specifier === 'HEADER.FIELDS');
    default:
      return raw.subarray(message.headerStart, message.end);
  }
}

/** The chosen fields' lines as stored, in order, then the blank line. */
function selectedFields(raw: Buffer, message: MimeNode, names: ReadonlySet<string>, keep: boolean): Buffer {
  const pieces: Buffer[] = [];
  for (const field of message.fields) if (names.has(field.key) === keep) pieces.push(raw.subarray(field.start, field.end));
  pieces.push(CRLF);
  return Buffer.concat(pieces);
}
