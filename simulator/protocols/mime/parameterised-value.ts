// Header values with parameters (RFC 2045 §5.1 Content-Type, RFC 2183 Content-Disposition):
// `value *(";" attribute "=" (token / quoted-string))`. Comments in parentheses outside quotes
// are dropped (RFC 5322 §3.2.2). RFC 2231 encoded parameters (`filename*=`) are kept as written.
export interface ParameterisedValue {
  /** Lower-case, e.g. `text/plain` or `attachment`. */
  readonly value: string;
  /** Attribute names lower-case, values as written (quotes and escapes removed). */
  readonly params: readonly (readonly [string, string])[];
}

export function parseParameterisedValue(text: string): ParameterisedValue {
  const segments = splitSegments(text);
  const value = (segments.shift() ?? '').trim().toLowerCase();
  const params: [string, string][] = [];
  for (const segment of segments) {
    const equals = segment.indexOf('=');
    if (equals <= 0) continue;
    const name = segment.slice(0, equals).trim().toLowerCase();
    if (name.length === 0 || /\s/.test(name)) continue;
    params.push([name, unquote(segment.slice(equals + 1).trim())]);
  }
  return { value, params };
}

export function parameter(value: ParameterisedValue, name: string): string | undefined {
  return value.params.find(([key]) => key === name)?.[1];
}

/** Splits on `;` outside quoted strings, dropping comments. */
function splitSegments(text: string): string[] {
  const segments: string[] = [];
  let current = '';
  let quoted = false;
  let comment = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quoted) {
      current += char;
      if (char === '\\' && i + 1 < text.length) current += text[++i];
      else if (char === '"') quoted = false;
    } else if (comment > 0) {
      if (char === '(') comment += 1;
      else if (char === ')') comment -= 1;
      else if (char === '\\') i += 1;
    } else if (char === '(') comment = 1;
    else if (char === '"') {
      quoted = true;
      current += char;
    } else if (char === ';') {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments;
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  return text;
}
