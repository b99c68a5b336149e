// Parses the XML of an XDM archive (METADATA.XML, CDA documents) safely: a document type
// declaration is refused before parsing (no entity expansion, no external entity: XXE), the
// size is bounded, well-formedness is checked, namespaces prefixes are dropped. Never throws.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;
export type XmlParse = { readonly ok: true; readonly root: XmlNode } | { readonly ok: false; readonly reason: 'doctype' | 'too-large' | 'invalid'; readonly message: string };

export const MAX_XML_BYTES = 2 * 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

export function parseXml(bytes: Buffer, what: string): XmlParse {
  if (bytes.length > MAX_XML_BYTES) return { ok: false, reason: 'too-large', message: `${what} dépasse ${MAX_XML_BYTES} octets : non analysé.` };
  return parseXmlText(bytes.toString('utf8').replace(/^\uFEFF/, ''), what);
}

/** Same as parseXml, on text already bounded by the caller. */
export function parseXmlText(text: string, what: string): XmlParse {
  if (hasDoctype(text)) return doctypeRefused(what);
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: 'invalid', message: `${what} n'est pas un XML bien formé (ligne ${valid.err.line} : ${valid.err.msg}).` };
  try {
    return { ok: true, root: parser.parse(text) as XmlNode };
  } catch (error) {
    return { ok: false, reason: 'invalid', message: `${what} illisible : ${error instanceof Error ? error.message : String(error)}.` };
  }
}

export function doctypeRefused(what: string): XmlParse {
  return { ok: false, reason: 'doctype', message: `${what} contient une déclaration de type de document (DOCTYPE/ENTITY), refusée : risque d'entité externe (XXE) ou d'expansion.` };
}

export function hasDoctype(text: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(text);
}

/** Children named `name` of a node (every element is an array with `isArray: () => true`). */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as XmlNode[]) : [];
}

export function child(node: unknown, ...path: string[]): XmlNode | undefined {
  let current: unknown = node;
  for (const name of path) current = children(current, name)[0];
  return current as XmlNode | undefined;
}

export function attribute(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** Text content of an element (`#text`), trimmed. */
export function text(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return typeof node === 'string' ? node : undefined;
  const value = (node as XmlNode)['#text'];
  if (Array.isArray(value)) return value.join('');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
