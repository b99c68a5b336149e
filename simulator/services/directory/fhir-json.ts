// The JSON bytes of a searchset page, assembled from the JSON each resource got once per view
// (resource-fragments.ts): the bundle's head, then for each entry its fullUrl, the resource's
// bytes copied as they are, and its search mode, written straight into one buffer of the exact
// size. Exactly JSON.stringify of the same page as objects (searchsetBundle), which fhir-json.test.ts
// checks over many searches; no resource object is built, except for `_elements` subsets.
import type { DirectoryIndex } from './directory-index.ts';
import { resourceFragments } from './fhir-resources.ts';
import { elementsOf, searchsetPage } from './search-bundle.ts';
import type { SearchRequest } from './search-request.ts';
import type { FragmentTable } from './resource-fragments.ts';

const TAIL = { match: ',"search":{"mode":"match"}}', include: ',"search":{"mode":"include"}}' } as const;

/** One piece of the answer: a text, or the kept JSON of one record. */
type Piece = string | { readonly table: FragmentTable; readonly position: number };

/** `base`: the API root as the client reached it. `empty`: the "no results" fault. */
export function searchsetJson(index: DirectoryIndex, request: SearchRequest, base: string, empty = false): Buffer {
  const { head, entries } = searchsetPage(index, request, base, empty);
  const headJson = JSON.stringify(head);
  if (entries.length === 0) return Buffer.from(headJson, 'utf8');
  const pieces: Piece[] = [];
  let text = `${headJson.slice(0, -1)},"entry":[`;
  entries.forEach(({ type, position, mode }, i) => {
    text += `${i === 0 ? '' : ','}{"fullUrl":${JSON.stringify(`${base}/${type}/${index.tables[type].ids[position] ?? ''}`)},"resource":`;
    if (mode === 'match' && request.elements) text += JSON.stringify(elementsOf(index, type, position, request.elements));
    else {
      pieces.push(text, { table: resourceFragments(index, type), position });
      text = '';
    }
    text += TAIL[mode];
  });
  pieces.push(`${text}]}`);
  return concatenate(pieces);
}

function concatenate(pieces: readonly Piece[]): Buffer {
  let size = 0;
  for (const piece of pieces) size += typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.table.byteLength(piece.position);
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at = typeof piece === 'string' ? at + bytes.write(piece, at, 'utf8') : piece.table.copy(piece.position, bytes, at);
  return bytes;
}
