// Puts returned original content (RFC 3462 third part of a DSN) on the wire safely: CRLF line
// endings everywhere and no line longer than 998 octets (RFC 5322 §2.1.1). Content already
// in that shape is returned as is, without copying (the common case).

const LF = 0x0a;
const CR = 0x0d;
const CRLF = Buffer.from('\r\n');
export const MAX_LINE_OCTETS = 998;

export interface CrlfOptions {
  /**
   * `header`: an over-long line is folded with CRLF + SP (RFC 5322 §2.2.3); `body`: it is
   * broken with a bare CRLF. Either way the bytes of the line are all kept.
   */
  readonly mode: 'header' | 'body';
}

/** The content with CRLF line endings, lines ≤ 998 octets, ending with CRLF. */
export function toCrlfLines(content: Buffer, options: CrlfOptions): Buffer {
  if (isWireSafe(content)) return content;
  const parts: Buffer[] = [];
  let position = 0;
  while (position < content.length) {
    const lineFeed = content.indexOf(LF, position);
    const end = lineFeed === -1 ? content.length : lineFeed;
    const lineEnd = end > position && content[end - 1] === CR ? end - 1 : end;
    pushLine(parts, content.subarray(position, lineEnd), options.mode);
    position = end + 1;
  }
  return Buffer.concat(parts);
}

function pushLine(parts: Buffer[], line: Buffer, mode: CrlfOptions['mode']): void {
  if (line.length <= MAX_LINE_OCTETS) {
    parts.push(line, CRLF);
    return;
  }
  const prefix = mode === 'header' ? Buffer.from(' ') : Buffer.alloc(0);
  parts.push(line.subarray(0, MAX_LINE_OCTETS), CRLF);
  for (let start = MAX_LINE_OCTETS; start < line.length; ) {
    const size = MAX_LINE_OCTETS - prefix.length;
    parts.push(prefix, line.subarray(start, start + size), CRLF);
    start += size;
  }
}

function isWireSafe(content: Buffer): boolean {
  if (content.length < 2 || content[content.length - 2] !== CR || content[content.length - 1] !== LF) return false;
  let position = 0;
  while (position < content.length) {
    const lineFeed = content.indexOf(LF, position);
    if (lineFeed === -1) return false;
    if (lineFeed === position || content[lineFeed - 1] !== CR) return false;
    if (lineFeed - 1 - position > MAX_LINE_OCTETS) return false;
    position = lineFeed + 1;
  }
  return true;
}
