// RFC 2047 encoded-words (`=?charset?B|Q?text?=`) in unstructured header text such as
// Subject. Decoding: §4 (B and Q encodings), §6.2 (white space between adjacent encoded-words
// is ignored). Adjacent words of one charset are decoded together, so that a multi-byte
// character split across two words comes out whole. An undecodable word stays as written.
// Encoding (for the DSN builder): §5 (1), Q encoding, words of at most 75 characters.

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

interface Word {
  readonly start: number;
  readonly end: number;
  readonly charset: string;
  readonly bytes: Buffer;
}

/** Decodes every encoded-word of an unstructured header value; other text is kept as is. */
export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  const words = findWords(text);
  if (words.length === 0) return text;
  let out = '';
  let position = 0;
  let index = 0;
  while (index < words.length) {
    const first = words[index] as Word;
    let last = first;
    const run: Buffer[] = [first.bytes];
    index += 1;
    for (let next = words[index]; next && isAdjacent(text, last, next) && sameCharset(next, first); next = words[index]) {
      run.push(next.bytes);
      last = next;
      index += 1;
    }
    out += text.slice(position, first.start);
    out += decodeBytes(Buffer.concat(run), first.charset) ?? joinRaw(text, first, last);
    position = last.end;
    if (words[index] && isAdjacent(text, last, words[index] as Word)) position = (words[index] as Word).start;
  }
  return out + text.slice(position);
}

/**
 * Encodes a header text as UTF-8 Q encoded-words, separated by a space (a place to fold),
 * when it is not plain printable ASCII; plain text is returned as is.
 */
export function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let current = '';
  const room = 75 - '=?UTF-8?Q??='.length;
  for (const char of text) {
    const encoded = encodeQChar(char);
    if (current.length + encoded.length > room) {
      words.push(current);
      current = '';
    }
    current += encoded;
  }
  if (current.length > 0 || words.length === 0) words.push(current);
  return words.map((word) => `=?UTF-8?Q?${word}?=`).join(' ');
}

function encodeQChar(char: string): string {
  if (/^[A-Za-z0-9!*+\-/]$/.test(char)) return char; // RFC 2047 §5 (3)
  if (char === ' ') return '_';
  let out = '';
  for (const byte of Buffer.from(char, 'utf8')) out += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

function findWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(ENCODED_WORD)) {
    const [whole, charsetAndLanguage = '', encoding = '', payload = ''] = match;
    const charset = (charsetAndLanguage.split('*')[0] ?? '').toLowerCase(); // RFC 2231 §5: charset*language
    const bytes = encoding.toUpperCase() === 'B' ? decodeB(payload) : decodeQ(payload);
    if (bytes) words.push({ start: match.index, end: match.index + whole.length, charset, bytes });
  }
  return words;
}

function decodeB(payload: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) return undefined;
  return Buffer.from(payload, 'base64');
}

function decodeQ(payload: string): Buffer | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < payload.length; i += 1) {
    const char = payload[i] as string;
    if (char === '_') bytes.push(0x20);
    else if (char === '=') {
      const hex = payload.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(char.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

const ALIASES: Readonly<Record<string, string>> = { utf8: 'utf-8', latin1: 'iso-8859-1', 'us-ascii': 'utf-8', ascii: 'utf-8' };

function decodeBytes(bytes: Buffer, charset: string): string | undefined {
  try {
    return new TextDecoder(ALIASES[charset] ?? charset, { fatal: true }).decode(bytes);
  } catch {
    return undefined; // unknown charset or invalid bytes: the caller keeps the raw text
  }
}

function isAdjacent(text: string, left: Word, right: Word): boolean {
  return /^[ \t\r\n]*$/.test(text.slice(left.end, right.start));
}

function sameCharset(word: Word, first: Word): boolean {
  return word.charset === first.charset;
}

function joinRaw(text: string, first: Word, last: Word): string {
  return text.slice(first.start, last.end);
}
