// The JSON bytes of a searchset page, assembled from the JSON each resource got once per view
// (resource-fragments.ts): the bundle's head, then for each entry its fullUrl, the resource's
// bytes as they are, and its search mode, joined into one one-byte string (latin1-bytes.ts).
// Exactly JSON.stringify of the same page as objects (searchsetBundle), which fhir-json.test.ts
// checks over many searches; no resource object is built, except for `_elements` subsets.
import type { DirectoryIndex } from './directory-index.ts';
import { resourceFragments } from './fhir-resources.ts';
import { utf8Latin1 } from './latin1-bytes.ts';
import { elementsOf, searchsetPage } from './search-bundle.ts';
import type { SearchRequest } from './search-request.ts';

const TAIL = { match: ',"search":{"mode":"match"}}', include: ',"search":{"mode":"include"}}' } as const;

/** `base`: the API root as the client reached it. `empty`: the "no results" fault. */
export function searchsetJson(index: DirectoryIndex, request: SearchRequest, base: string, empty = false): Buffer {
  return Buffer.from(searchsetLatin1(index, request, base, empty), 'latin1');
}

/** The same bytes as a one-byte string, one character per byte: what the kept answers hold (search-answers.ts). */
export function searchsetLatin1(index: DirectoryIndex, request: SearchRequest, base: string, empty = false): string {
  const { head, entries } = searchsetPage(index, request, base, empty);
  const headJson = JSON.stringify(head);
  if (entries.length === 0) return utf8Latin1(headJson);
  const parts: string[] = [];
  let text = `${headJson.slice(0, -1)},"entry":[`;
  entries.forEach(({ type, position, mode }, i) => {
    text += `${i === 0 ? '' : ','}{"fullUrl":${JSON.stringify(`${base}/${type}/${index.tables[type].ids[position] ?? ''}`)},"resource":`;
    if (mode === 'match' && request.elements) text += JSON.stringify(elementsOf(index, type, position, request.elements));
    else {
      parts.push(utf8Latin1(text), resourceFragments(index, type).latin1(position));
      text = '';
    }
    text += TAIL[mode];
  });
  parts.push(utf8Latin1(`${text}]}`));
  return parts.join('');
}
