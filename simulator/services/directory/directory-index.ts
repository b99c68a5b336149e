// Everything a search needs about one trust-space view, built once per view (a new view is
// made on every change through the control API): the records, their ids, their
// `meta.lastUpdated`, and lazily the string indexes, the resources' JSON and recent results.
// A record keeps the lastUpdated of the previous view when none of its sources changed
// (same objects), so `_lastUpdated=gt…` finds exactly what a change touched.
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { buildDirectoryRecords, type DirectoryRecords } from './directory-records.ts';
import type { ResourceType } from './fhir-vocabulary.ts';
import { FragmentTable } from './resource-fragments.ts';
import { ResultCache } from './result-cache.ts';
import { StringFieldIndex } from './string-field-index.ts';

export interface DirectoryTable {
  readonly type: ResourceType;
  readonly size: number;
  /** Id of each record, by position. */
  readonly ids: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  /** `meta.lastUpdated` of each record (ISO 8601), and the same in epoch milliseconds. */
  readonly lastUpdated: readonly string[];
  readonly lastUpdatedMs: Float64Array;
}

export interface DirectoryIndex {
  readonly view: TrustSpaceView;
  readonly records: DirectoryRecords;
  readonly tables: Readonly<Record<ResourceType, DirectoryTable>>;
  /** Index of one string parameter, built on first use. */
  field(type: ResourceType, name: string, valuesOf: (position: number) => readonly string[]): StringFieldIndex;
  /**
   * The JSON of every record of one type, made on first use (`json(i)`: record i's JSON text);
   * a record whose sources did not change since the previous index keeps that index's JSON.
   */
  fragments(type: ResourceType, json: (position: number) => string): FragmentTable;
  /** The fragment tables made so far. */
  readonly madeFragments: ReadonlyMap<ResourceType, FragmentTable>;
  /** Recent search results by canonical query, so that following `next` links costs no new search. */
  readonly results: ResultCache;
  /** Source objects of each record, compared by identity with the next view's. */
  readonly sources: Readonly<Record<ResourceType, ReadonlyMap<string, readonly object[]>>>;
}

export function buildDirectoryIndex(view: TrustSpaceView, stamp: string, previous?: DirectoryIndex): DirectoryIndex {
  const records = buildDirectoryRecords(view);
  const sources = {
    Practitioner: new Map(records.practitioners.map((r) => [r.id, [r.practitioner, ...r.mailboxes]] as const)),
    PractitionerRole: new Map(records.roles.map((r) => [r.id, [r.practitioner, r.organisation, ...r.mailboxes]] as const)),
    Organization: new Map(records.organisations.map((r) => [r.id, [r.organisation, ...r.mailboxes]] as const)),
  };
  const table = (type: ResourceType, ids: readonly string[]) => buildTable(type, ids, stamp, sources[type], previous);
  const tables = {
    Practitioner: table('Practitioner', records.practitioners.map((r) => r.id)),
    PractitionerRole: table('PractitionerRole', records.roles.map((r) => r.id)),
    Organization: table('Organization', records.organisations.map((r) => r.id)),
  };
  const fields = new Map<string, StringFieldIndex>();
  const fragments = new Map<ResourceType, FragmentTable>();
  const inherited = inheritedFragments(sources, previous);
  return {
    view,
    records,
    tables,
    sources,
    results: new ResultCache(),
    field(type, name, valuesOf) {
      const key = `${type}.${name}`;
      let index = fields.get(key);
      if (!index) fields.set(key, (index = new StringFieldIndex(tables[type].size, valuesOf)));
      return index;
    },
    fragments(type, json) {
      let table = fragments.get(type);
      if (!table) {
        const kept = inherited.get(type);
        inherited.delete(type); // the previous index's tables are not held longer than needed
        const { ids } = tables[type];
        fragments.set(type, (table = new FragmentTable(tables[type].size, json, kept && ((position) => kept(ids[position] ?? '')))));
      }
      return table;
    },
    madeFragments: fragments,
  };
}

/** For each type the previous index made JSON for: the JSON of a record by id, if its sources are the same objects. */
function inheritedFragments(sources: DirectoryIndex['sources'], previous?: DirectoryIndex): Map<ResourceType, (id: string) => string | undefined> {
  const inherited = new Map<ResourceType, (id: string) => string | undefined>();
  for (const [type, table] of previous?.madeFragments ?? []) {
    const before = previous?.tables[type];
    const beforeSources = previous?.sources[type];
    inherited.set(type, (id) => {
      const at = before?.byId.get(id);
      return at !== undefined && sameSources(beforeSources?.get(id), sources[type].get(id)) ? table.latin1(at) : undefined;
    });
  }
  return inherited;
}

function buildTable(type: ResourceType, ids: readonly string[], stamp: string, sources: ReadonlyMap<string, readonly object[]>, previous?: DirectoryIndex): DirectoryTable {
  const byId = new Map<string, number>();
  ids.forEach((id, position) => byId.set(id, position));
  const before = previous?.tables[type];
  const lastUpdated = ids.map((id) => {
    const at = before?.byId.get(id);
    if (at === undefined || !sameSources(previous?.sources[type].get(id), sources.get(id))) return stamp;
    return before?.lastUpdated[at] ?? stamp;
  });
  return { type, size: ids.length, ids, byId, lastUpdated, lastUpdatedMs: Float64Array.from(lastUpdated, (text) => Date.parse(text)) };
}

function sameSources(before: readonly object[] | undefined, now: readonly object[] | undefined): boolean {
  if (!before || !now || before.length !== now.length) return false;
  return before.every((source, i) => source === now[i]);
}
