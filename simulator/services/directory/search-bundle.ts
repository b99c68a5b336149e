// The searchset Bundle of one page (FHIR R4 Bundle, search §3.1.1.5): `total`, `self` /
// `next` / `previous` links that repeat the search with `_getpagesoffset` (stateless paging:
// the order of matches is stable for a given view), the page's matches and the resources
// their `_include` / `_revinclude` pull in (search.mode `include`), at most MAX_INCLUDED.
import type { DirectoryIndex } from './directory-index.ts';
import { resourceAt, type FhirResource } from './fhir-resources.ts';
import type { ResourceType } from './fhir-vocabulary.ts';
import { SYSTEM } from './fhir-vocabulary.ts';
import { matchingPositions } from './run-search.ts';
import { MAX_INCLUDED } from './search-parameters.ts';
import type { SearchRequest } from './search-request.ts';

export interface BundleEntry {
  readonly fullUrl: string;
  readonly resource: FhirResource;
  readonly search: { readonly mode: 'match' | 'include' };
}

export interface SearchsetBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'searchset';
  readonly total?: number;
  readonly link: readonly { readonly relation: 'self' | 'next' | 'previous'; readonly url: string }[];
  readonly entry?: readonly BundleEntry[];
}

/** What one page holds, before any resource is built or serialised. */
export interface SearchsetPage {
  /** The bundle without its entries. */
  readonly head: Omit<SearchsetBundle, 'entry'>;
  readonly entries: readonly PageEntry[];
}

export interface PageEntry {
  readonly type: ResourceType;
  readonly position: number;
  readonly mode: 'match' | 'include';
}

/** `base`: the API root as the client reached it, e.g. `http://127.0.0.1:8080/fhir/v2`. `empty`: the "no results" fault. */
export function searchsetPage(index: DirectoryIndex, request: SearchRequest, base: string, empty = false): SearchsetPage {
  const positions = empty ? new Int32Array(0) : matchingPositions(index, request);
  const { type, offset, count } = request;
  const page = positions.subarray(Math.min(offset, positions.length), Math.min(offset + count, positions.length));
  const entries: PageEntry[] = [];
  for (const position of page) entries.push({ type, position, mode: 'match' });
  for (const [t, position] of included(index, request, page)) entries.push({ type: t, position, mode: 'include' });
  const link = pageLinks(base, request, positions.length);
  return { head: { resourceType: 'Bundle', type: 'searchset', ...(request.total && { total: positions.length }), link }, entries };
}

/** The page as objects: what `_pretty` prints, and the reference the JSON bytes (fhir-json.ts) must equal. */
export function searchsetBundle(index: DirectoryIndex, request: SearchRequest, base: string, empty = false): SearchsetBundle {
  const { head, entries } = searchsetPage(index, request, base, empty);
  const entry = entries.map(({ type, position, mode }): BundleEntry => {
    const resource = mode === 'match' && request.elements ? elementsOf(index, type, position, request.elements) : resourceAt(index, type, position);
    return { fullUrl: `${base}/${type}/${resource.id}`, resource, search: { mode } };
  });
  return { ...head, ...(entry.length > 0 && { entry }) };
}

function pageLinks(base: string, request: SearchRequest, total: number): SearchsetBundle['link'] {
  const url = (offset: number, withOffset: boolean) => {
    const query = new URLSearchParams(request.linkParameters.map(([name, value]): [string, string] => [name, value]));
    query.set('_count', String(request.count));
    if (withOffset) query.set('_getpagesoffset', String(offset));
    return `${base}/${request.type}?${query.toString()}`;
  };
  const { offset, count } = request;
  const links: { relation: 'self' | 'next' | 'previous'; url: string }[] = [{ relation: 'self', url: url(offset, offset > 0) }];
  if (count > 0 && offset + count < total) links.push({ relation: 'next', url: url(offset + count, true) });
  if (count > 0 && offset > 0) links.push({ relation: 'previous', url: url(Math.max(0, Math.min(offset, total) - count), true) });
  return links;
}

/** Resources pulled in by `_include` / `_revinclude` for the page's matches, without repeats. */
function included(index: DirectoryIndex, request: SearchRequest, page: Int32Array): [ResourceType, number][] {
  const found: [ResourceType, number][] = [];
  const seen = new Set<string>();
  const add = (type: ResourceType, position: number) => {
    const key = `${type}/${position}`;
    if (found.length < MAX_INCLUDED && !seen.has(key)) {
      seen.add(key);
      found.push([type, position]);
    }
  };
  const { records } = index;
  for (const p of page) {
    const role = request.type === 'PractitionerRole' ? records.roles[p] : undefined;
    if (role && request.include.includes('PractitionerRole:practitioner')) add('Practitioner', role.practitionerAt);
    if (role && request.include.includes('PractitionerRole:organization')) add('Organization', role.organisationAt);
    const carrier = request.type === 'Practitioner' ? records.practitioners[p] : request.type === 'Organization' ? records.organisations[p] : undefined;
    if (carrier && request.revinclude.length > 0) carrier.roles.forEach((r) => add('PractitionerRole', r));
  }
  return found;
}

/** `_elements`: the named top-level elements plus id and meta, tagged SUBSETTED (FHIR R4 §3.1.1.5.9). */
export function elementsOf(index: DirectoryIndex, type: ResourceType, position: number, elements: readonly string[]): FhirResource {
  const resource = resourceAt(index, type, position);
  const kept: Record<string, unknown> = { resourceType: resource.resourceType, id: resource.id };
  const meta = resource['meta'] as Record<string, unknown>;
  kept['meta'] = { ...meta, tag: [{ system: SYSTEM.subsetted, code: 'SUBSETTED' }] };
  for (const name of elements) if (name in resource && !(name in kept)) kept[name] = resource[name];
  return kept as FhirResource;
}
