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

type Frame = { readonly kind: '[' | '{'; index: number; key: string | undefined; expectKey: boolean };

/** The first place where nesting exceeds `maxDepth`, or undefined (also for malformed text). */
export function findTooDeep(text: string, maxDepth: number): TooDeep | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      const end = stringEnd(text, i);
      const top = stack.at(-1);
      if (top?.expectKey) {
        top.key = keyOf(text.slice(i, end));
        top.expectKey = false;
      }
      i = end - 1;
    } else if (char === '[' || char === '{') {
      if (stack.length >= maxDepth) return { position: i, pointer: pointerOf(stack) };
      stack.push({ kind: char, index: 0, key: undefined, expectKey: char === '{' });
    } else if (char === ']' || char === '}') {
      stack.pop();
    } else if (char === ',') {
      const top = stack.at(-1);
      if (top?.kind === '[') top.index += 1;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

/** Offset just after the closing quote (or the end of the text when the string is not closed). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
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
