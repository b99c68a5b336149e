// Reading search results in tests: ids of matched and included entries, links by relation.

interface Entry {
  readonly resource: { readonly resourceType: string; readonly id: string };
  readonly search: { readonly mode: string };
}

interface Bundle {
  readonly entry?: readonly Entry[];
  readonly link: readonly { readonly relation: string; readonly url: string }[];
}

/** Ids of the `match` entries, in bundle order. */
export function matchIds(bundle: Bundle): string[] {
  return (bundle.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => e.resource.id);
}

/** `Type/id` of the `include` entries, sorted. */
export function includedRefs(bundle: Bundle): string[] {
  return (bundle.entry ?? []).filter((e) => e.search.mode === 'include').map((e) => `${e.resource.resourceType}/${e.resource.id}`).sort();
}

export function linkOf(bundle: Bundle, relation: string): string | undefined {
  return bundle.link.find((l) => l.relation === relation)?.url;
}
