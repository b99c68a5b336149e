// The one JSON reader for everything the simulator receives from outside: control-API bodies
// (simulator/web/request-validator.ts), fixture files (simulator/services/fixture-loading/read-json-file.ts) and
// the answers of a vendor's driver adapter (steps/drivers/http/call-adapter.ts). In order: size
// limit, strict UTF-8 (utf8-text.ts), nesting depth (json-depth-scan.ts, iterative), then
// JSON.parse; a syntax error is located by the iterative scanner of json-syntax-error.ts. Each
// refusal is a fact and a fix in French, with the byte offset or line, column and JSON Pointer.
import { findTooDeep } from './json-depth-scan.ts';
import { lineAndColumn, locateJsonSyntaxError } from './json-syntax-error.ts';
import { decodeUtf8 } from './utf8-text.ts';

export interface JsonLimits {
  /** Most nested objects and arrays; the document itself is level 1. */
  readonly maxDepth: number;
  /** Most bytes of the encoded text. */
  readonly maxBytes: number;
}

export const JSON_MAX_DEPTH = 64;

export type JsonRefusal =
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number }
  | { readonly kind: 'not-utf8'; readonly byteOffset: number }
  | { readonly kind: 'too-deep'; readonly limit: number; readonly pointer: string; readonly position: number; readonly line: number; readonly column: number }
  | { readonly kind: 'syntax'; readonly position: number; readonly line: number; readonly column: number; readonly detail: string };

export type BoundedJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly refusal: JsonRefusal };

/** Reads JSON from bytes (UTF-8 required, a leading BOM is stripped) or from already decoded text. */
export function readBoundedJson(input: Uint8Array | string, limits: JsonLimits): BoundedJson {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (size > limits.maxBytes) return refuse({ kind: 'too-large', size, limit: limits.maxBytes });
  let text: string;
  if (typeof input === 'string') text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return refuse({ kind: 'not-utf8', byteOffset: decoded.offset });
    text = decoded.text;
  }
  const deep = findTooDeep(text, limits.maxDepth);
  if (deep) return refuse({ kind: 'too-deep', limit: limits.maxDepth, pointer: deep.pointer, ...lineAndColumn(text, deep.position) });
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const located = locateJsonSyntaxError(text);
    return refuse({ kind: 'syntax', ...(located ?? { position: 0, line: 1, column: 1, detail: error instanceof Error ? error.message : String(error) }) });
  }
}

/** The refusal as a French fact (no final period) and what to do about it. */
export function describeJsonRefusal(refusal: JsonRefusal): { readonly message: string; readonly fix: string } {
  switch (refusal.kind) {
    case 'too-large':
      return { message: `JSON trop volumineux : ${refusal.size} octets pour une limite de ${refusal.limit}`, fix: `réduisez le document sous ${refusal.limit} octets (découpez-le ou retirez ce qui est inutile)` };
    case 'not-utf8':
      return { message: `texte non encodé en UTF-8 : séquence d'octets invalide à l'octet ${refusal.byteOffset}`, fix: 'enregistrez le document en UTF-8 (RFC 8259 §8.1), par exemple avec « iconv -f latin1 -t utf-8 »' };
    case 'too-deep':
      return {
        message: `JSON trop imbriqué : plus de ${refusal.limit} niveaux d'objets et de tableaux en ${refusal.pointer || '/'} (ligne ${refusal.line}, colonne ${refusal.column}, position ${refusal.position})`,
        fix: `aplatissez la structure : au plus ${refusal.limit} niveaux imbriqués`,
      };
    case 'syntax':
      return { message: `JSON mal formé à la ligne ${refusal.line}, colonne ${refusal.column} (position ${refusal.position}) : ${refusal.detail}`, fix: 'corrigez la syntaxe à cet endroit' };
  }
}

function refuse(refusal: JsonRefusal): BoundedJson {
  return { ok: false, refusal };
}
