// Locates the first syntax error of a JSON text (RFC 8259) and says in French what was
// expected there. V8's JSON.parse messages often carry no position ("Unexpected token '}',
// … is not valid JSON"), so we scan ourselves, iteratively (no recursion: a body of one
// million `[` must not overflow the stack). Called only after JSON.parse has failed.

export interface JsonSyntaxError {
  /** 0-based offset in the decoded text (UTF-16 code units). */
  readonly position: number;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly detail: string;
}

type Expect = 'value' | 'key' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const VALUE_EXPECTED = 'une valeur JSON est attendue (objet, tableau, chaîne, nombre, true, false ou null)';

export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const found = scan(text);
  return found && { ...lineAndColumn(text, found.position), detail: found.detail };
}

type Failure = { readonly position: number; readonly detail: string };
type Step = { readonly i: number; readonly expect: Expect } | Failure | 'done';

function scan(text: string): Failure | undefined {
  const stack: ('[' | '{')[] = [];
  let state: { i: number; expect: Expect } = { i: skipWhitespace(text, 0), expect: 'value' };
  for (;;) {
    const { i, expect } = state;
    const next: Step = expect === 'after-value' ? afterValue(text, i, stack) : expect === 'key' ? propertyName(text, i) : value(text, i, stack);
    if (next === 'done') return undefined;
    if ('detail' in next) return next;
    state = next;
  }
}

function value(text: string, i: number, stack: ('[' | '{')[]): Step {
  if (i >= text.length) return { position: i, detail: `fin inattendue du texte : ${VALUE_EXPECTED}` };
  const char = text[i];
  if (char === '{' || char === '[') {
    const inner = skipWhitespace(text, i + 1);
    if (text[inner] === (char === '{' ? '}' : ']')) return { i: inner + 1, expect: 'after-value' };
    stack.push(char);
    return { i: inner, expect: char === '{' ? 'key' : 'value' };
  }
  const end = char === '"' ? scanString(text, i) : scanScalar(text, i);
  return typeof end === 'number' ? { i: end, expect: 'after-value' } : end;
}

function propertyName(text: string, i: number): Step {
  if (i >= text.length) return { position: i, detail: 'fin inattendue du texte : un nom de propriété est attendu' };
  if (text[i] !== '"') return { position: i, detail: `${quoted(text, i)} inattendu : un nom de propriété entre guillemets doubles est attendu` };
  const end = scanString(text, i);
  if (typeof end !== 'number') return end;
  const colon = skipWhitespace(text, end);
  if (colon >= text.length) return { position: colon, detail: 'fin inattendue du texte : « : » est attendu' };
  if (text[colon] !== ':') return { position: colon, detail: `${quoted(text, colon)} inattendu : « : » est attendu après le nom de propriété` };
  return { i: skipWhitespace(text, colon + 1), expect: 'value' };
}

function afterValue(text: string, start: number, stack: ('[' | '{')[]): Step {
  const i = skipWhitespace(text, start);
  const top = stack.at(-1);
  if (top === undefined) return i < text.length ? { position: i, detail: `${quoted(text, i)} en trop après la fin du JSON` } : 'done';
  const close = top === '[' ? ']' : '}';
  if (i >= text.length) return { position: i, detail: `fin inattendue du texte : « , » ou « ${close} » est attendu` };
  if (text[i] === close) {
    stack.pop();
    return { i: i + 1, expect: 'after-value' };
  }
  if (text[i] === ',') return { i: skipWhitespace(text, i + 1), expect: top === '[' ? 'value' : 'key' };
  return { position: i, detail: `${quoted(text, i)} inattendu : « , » ou « ${close} » est attendu` };
}

/** Offset just after the closing quote, or the error. */
function scanString(text: string, start: number): number | Failure {
  for (let i = start + 1; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { position: i, detail: 'caractère de contrôle non échappé dans une chaîne (écrivez \\n, \\t…)' };
    if (code !== 0x5c) continue;
    const escape = text[i + 1];
    if (escape === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { position: i, detail: 'séquence \\u invalide : 4 chiffres hexadécimaux sont attendus' };
      i += 5;
    } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
      i += 1;
    } else return { position: i, detail: 'séquence d\'échappement invalide dans une chaîne' };
  }
  return { position: text.length, detail: `fin inattendue du texte : la chaîne ouverte à la position ${start} n'est pas fermée` };
}

function scanScalar(text: string, start: number): number | Failure {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  NUMBER.lastIndex = start;
  const number = NUMBER.exec(text);
  if (number) return start + number[0].length;
  return { position: start, detail: `${quoted(text, start)} inattendu : ${VALUE_EXPECTED}` };
}

function skipWhitespace(text: string, start: number): number {
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  return i;
}

function quoted(text: string, i: number): string {
  const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
  return `caractère « ${char} »`;
}

/** 1-based line and column of a 0-based offset. */
export function lineAndColumn(text: string, position: number): { position: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { position, line, column: position - lineStart + 1 };
}
