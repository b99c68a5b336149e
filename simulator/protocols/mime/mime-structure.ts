// Cheap structural checks of the top-level MIME entity, reported as problems (French, shown
// to users) next to what mailparser could still read. RFC 2046 §5.1.1: a multipart entity
// needs a `boundary` parameter and ends with the close delimiter `--boundary--`.
import { parameter, parseParameterisedValue } from './parameterised-value.ts';
import type { MessageIndex } from './message-index.ts';

/** A Content-Type parameter value (quoted or token, quotes removed), or undefined. */
export function contentTypeParameter(contentType: string | undefined, name: string): string | undefined {
  if (!contentType) return undefined;
  return parameter(parseParameterisedValue(contentType), name.toLowerCase());
}

/**
 * `report-type` of a `multipart/report` (RFC 6522 §3), lower-cased; undefined for anything
 * else. THE one reading of a report's type: `delivery-status` (RFC 3464) for a DSN,
 * `disposition-notification` (RFC 8098) for an MDN.
 */
export function reportType(contentType: string | undefined): string | undefined {
  // Most messages are no report: their Content-Type does not even name one (no parsing then).
  if (!contentType || !/report/i.test(contentType)) return undefined;
  const parsed = parseParameterisedValue(contentType);
  return parsed.value === 'multipart/report' ? parameter(parsed, 'report-type')?.toLowerCase() : undefined;
}

export function mimeStructureProblems(raw: Buffer, index: MessageIndex): string[] {
  const problems: string[] = [];
  const contentType = index.contentType;
  const parsed = contentType === undefined ? undefined : parseParameterisedValue(contentType);
  if (!parsed?.value.startsWith('multipart/')) return problems;
  const boundary = parameter(parsed, 'boundary');
  if (!boundary) {
    problems.push(`Entité multipart sans paramètre boundary (RFC 2046 §5.1.1) : « ${contentType} ».`);
  } else if (!raw.includes(`--${boundary}--`, index.headerBytes, 'latin1')) {
    problems.push(`Délimiteur de fin « --${boundary}-- » absent : message multipart tronqué ou mal formé (RFC 2046 §5.1.1).`);
  }
  return problems;
}
