// Cheap structural checks of the top-level MIME entity, reported as problems (French, shown
// to users) next to what mailparser could still read. RFC 2046 §5.1.1: a multipart entity
// needs a `boundary` parameter and ends with the close delimiter `--boundary--`.
import type { MessageIndex } from './message-index.ts';

/** A Content-Type parameter value (quoted or token), or undefined. */
export function contentTypeParameter(contentType: string | undefined, name: string): string | undefined {
  if (!contentType) return undefined;
  const pattern = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s;]+))`, 'i');
  const match = pattern.exec(contentType);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}

/** `report-type` of a `multipart/report` (RFC 6522), lower-cased; undefined for anything else. */
export function reportType(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/report\b/i.test(contentType)) return undefined;
  return contentTypeParameter(contentType, 'report-type')?.toLowerCase();
}

export function mimeStructureProblems(raw: Buffer, index: MessageIndex): string[] {
  const problems: string[] = [];
  const contentType = index.contentType;
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return problems;
  const boundary = contentTypeParameter(contentType, 'boundary');
  if (!boundary) {
    problems.push(`Entité multipart sans paramètre boundary (RFC 2046 §5.1.1) : « ${contentType} ».`);
  } else if (!raw.includes(`--${boundary}--`, index.headerBytes, 'latin1')) {
    problems.push(`Délimiteur de fin « --${boundary}-- » absent : message multipart tronqué ou mal formé (RFC 2046 §5.1.1).`);
  }
  return problems;
}
