// Reads only the header of a CDA document: the bytes before the body (`<component>`, the last
// child of ClinicalDocument) closed by `</ClinicalDocument>`, so that a document carrying a
// 20 Mo embedded PDF is read in milliseconds (byte searches, no decoding of the body). The
// whole document is still searched for a document type declaration (XXE refused); the body
// itself is checked by hash and size only.
import { doctypeRefused, parseXmlText, type XmlParse } from './safe-xml.ts';

export const MAX_CDA_HEADER_BYTES = 1024 * 1024;

export function parseCdaHeaderXml(bytes: Buffer, what: string): XmlParse {
  if (bytes.includes('<!DOCTYPE') || bytes.includes('<!ENTITY')) return doctypeRefused(what);
  const root = /<((?:[A-Za-z_][\w.-]*:)?)ClinicalDocument[\s>]/.exec(bytes.toString('utf8', 0, Math.min(bytes.length, 4096)));
  const body = bodyStart(bytes);
  if (!root || body < 0) return parseXmlText(bytes.toString('utf8', 0, MAX_CDA_HEADER_BYTES).replace(/^\uFEFF/, ''), what);
  if (body > MAX_CDA_HEADER_BYTES) return { ok: false, reason: 'too-large', message: `${what} : en-tête CDA de plus de ${MAX_CDA_HEADER_BYTES} octets, non analysé.` };
  return parseXmlText(`${bytes.toString('utf8', 0, body).replace(/^\uFEFF/, '')}</${root[1] ?? ''}ClinicalDocument>`, what);
}

/** Offset of the first `<component` or `<prefix:component` start tag (not `componentOf`). */
function bodyStart(bytes: Buffer): number {
  let at = bytes.indexOf('component');
  while (at > 0) {
    const next = bytes[at + 9];
    const isTag = next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d;
    const start = bytes.lastIndexOf('<', at);
    if (isTag && start >= 0 && /^<(?:[A-Za-z_][\w.-]*:)?$/.test(bytes.toString('latin1', start, at))) return start;
    at = bytes.indexOf('component', at + 9);
  }
  return -1;
}
