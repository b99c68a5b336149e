// The order of the parts of a message body (MSS/va1.11: text/plain, then the equivalent
// text/html): the content types of the first multipart/alternative of a raw message, found at
// the top or as the first part of a multipart/mixed (RFC 2046 §5.1.3, §5.1.4). Pure.

interface Entity {
  readonly contentType: string;
  readonly boundary?: string;
  readonly body: string;
}

/** Content types (lower-case, without parameters) of the alternative's parts in order, or undefined without one. */
export function alternativeOrder(raw: Buffer): string[] | undefined {
  return alternativeOf(entityOf(raw.toString('latin1')), 0);
}

function alternativeOf(entity: Entity, depth: number): string[] | undefined {
  if (depth > 4 || entity.boundary === undefined) return undefined;
  const parts = partsOf(entity.body, entity.boundary).map(entityOf);
  if (entity.contentType === 'multipart/alternative') return parts.map((p) => p.contentType);
  const first = parts[0];
  return first ? alternativeOf(first, depth + 1) : undefined;
}

function entityOf(text: string): Entity {
  const split = text.search(/\r?\n\r?\n/);
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const field = /^content-type:\s*(.*)$/im.exec(unfolded)?.[1] ?? 'text/plain';
  const contentType = (field.split(';')[0] ?? '').trim().toLowerCase();
  const boundary = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(field);
  const value = boundary?.[1] ?? boundary?.[2];
  return { contentType, body, ...(contentType.startsWith('multipart/') && value ? { boundary: value } : {}) };
}

function partsOf(body: string, boundary: string): string[] {
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith(`--${boundary}--`)) break;
    if (line.startsWith(`--${boundary}`)) {
      if (current) parts.push(current.join('\r\n'));
      current = [];
    } else current?.push(line);
  }
  if (current) parts.push(current.join('\r\n'));
  return parts;
}
