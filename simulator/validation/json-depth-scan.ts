// Finds where a JSON text nests deeper than a limit, without recursion and without parsing it:
// one pass over the characters, skipping strings, with a stack of at most `maxDepth` frames
// that remembers the key or index of each open container, so that the refusal can say where
// (JSON Pointer, RFC 6901) as well as at which offset. Run before JSON.parse: neither the
// parser nor a later recursive walk (ajv, JSON.stringify) ever sees a deeper value.

export interface TooDeep {
  /** 0-based offset (UTF-16 code units) of the bracket that opens level `maxDepth + 1`. */
  readonly position: number;
  /** JSON Pointer of the value that is too deep. */
  readonly pointer: string;
}

const [QUOTE, BACKSLASH, COMMA] = [0x22, 0x5c, 0x2c];
const [OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [0x5b, 0x5d, 0x7b, 0x7d];

type Frame = { readonly kind: '[' | '{'; index: number; key: string | undefined; expectKey: boolean };

/** The first place where nesting exceeds `maxDepth`, or undefined (also for malformed text). */
export function findTooDeep(text: string, maxDepth: number): TooDeep | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack.at(-1);
      if (top?.expectKey) {
        top.key = keyOf(text.slice(i, end));
        top.expectKey = false;
      }
      i = end - 1;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (stack.length >= maxDepth) return { position: i, pointer: pointerOf(stack) };
      stack.push({ kind: code === OPEN_ARRAY ? '[' : '{', index: 0, key: undefined, expectKey: code === OPEN_OBJECT });
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      stack.pop();
    } else if (code === COMMA) {
      const top = stack.at(-1);
      if (top?.kind === '[') top.index += 1;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

/** Offset just after the closing quote (or the end of the text when the string is not closed). */
function stringEnd(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); i !== -1; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return i + 1;
  }
  return text.length;
}

function keyOf(quotedKey: string): string {
  try {
    return String(JSON.parse(quotedKey));
  } catch {
    return quotedKey;
  }
}

function pointerOf(stack: readonly Frame[]): string {
  return stack
    .map((frame) => (frame.kind === '[' ? String(frame.index) : (frame.key ?? '')))
    .map((segment) => '/' + segment.replaceAll('~', '~0').replaceAll('/', '~1'))
    .join('');
}
