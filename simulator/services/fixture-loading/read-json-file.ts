// Reads and parses one JSON file through the bounded JSON reader (UTF-8 required, a BOM is
// stripped; at most FIXTURE_MAX_BYTES and JSON_MAX_DEPTH levels); every failure becomes a
// FixtureProblem with the byte offset, or line and column.
import { readFile, stat } from 'node:fs/promises';
import { fixtureProblem, quoted, type FixtureProblem } from './fixture-problem.ts';
import { describeJsonRefusal, JSON_MAX_DEPTH, readBoundedJson, type JsonRefusal } from '../../validation/bounded-json.ts';

/** Largest fixture file: far above any real trust space (the default folder is a few dozen KB). */
export const FIXTURE_MAX_BYTES = 16 * 1024 * 1024;

export type JsonRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: FixtureProblem };

/** `path` is read from disk; `file` is the name shown in problems (relative to the fixture folder). */
export async function readJsonFile(path: string, file: string, maxBytes = FIXTURE_MAX_BYTES): Promise<JsonRead> {
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) return { ok: false, problem: refusalProblem(file, '', { kind: 'too-large', size, limit: maxBytes }) };
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, problem: unreadable(file, error) };
  }
  const read = readBoundedJson(bytes, { maxDepth: JSON_MAX_DEPTH, maxBytes });
  if (read.ok) return read;
  if (read.refusal.kind !== 'syntax') return { ok: false, problem: refusalProblem(file, read.refusal.kind === 'too-deep' ? read.refusal.pointer : '', read.refusal) };
  return { ok: false, problem: syntaxProblem(file, new TextDecoder().decode(bytes), read.refusal.position) };
}

function refusalProblem(file: string, path: string, refusal: JsonRefusal): FixtureProblem {
  const { message, fix } = describeJsonRefusal(refusal);
  return fixtureProblem(file, path, message, fix);
}

function unreadable(file: string, error: unknown): FixtureProblem {
  const code = (error as NodeJS.ErrnoException).code ?? 'inconnu';
  if (code === 'ENOENT') {
    return fixtureProblem(file, '', 'fichier introuvable', 'créez ce fichier ; un modèle se trouve dans le dossier fixtures/ du simulateur');
  }
  return fixtureProblem(file, '', `lecture impossible (${code})`, 'vérifiez que le chemin désigne un fichier lisible');
}

/** `text` as decoded by the reader (BOM stripped), `offset` where its scanner found the error. */
function syntaxProblem(file: string, text: string, offset: number): FixtureProblem {
  const { line, column } = lineAndColumn(text, offset);
  const char = text[offset];
  const found =
    char === undefined
      ? 'fin de fichier inattendue'
      : char < ' '
        ? `caractère de contrôle U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} inattendu`
        : `caractère inattendu ${quoted(char)}`;
  return fixtureProblem(
    file,
    '',
    `JSON invalide ligne ${line}, colonne ${column} : ${found}`,
    'corrigez la syntaxe à cet endroit (virgule en trop ou manquante, guillemets doubles, accolade ou crochet non fermé)',
  );
}

/** 1-based line and column of an offset (columns count UTF-16 code units). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}
