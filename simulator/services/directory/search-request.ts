// A FHIR search as the simulator understands it, once parsed and validated (parse-search.ts).

import type { ParameterKind } from './search-parameters.ts';
import type { ResourceType } from './fhir-vocabulary.ts';

export type StringModifier = 'contains' | 'exact';

/** One parameter occurrence: its values are OR-ed; occurrences are AND-ed (FHIR R4 §3.1.1.3). */
export interface Criterion {
  readonly name: string;
  readonly kind: ParameterKind;
  readonly modifier?: StringModifier;
  readonly values: readonly string[];
}

export interface SearchRequest {
  readonly type: ResourceType;
  readonly criteria: readonly Criterion[];
  readonly count: number;
  readonly offset: number;
  readonly include: readonly string[];
  readonly revinclude: readonly string[];
  /** False for `_total=none`. */
  readonly total: boolean;
  /** `_elements`: top-level elements to keep, if asked. */
  readonly elements?: readonly string[];
  /** The criteria in a canonical order: key of the result cache. */
  readonly canonical: string;
  /** Every parameter but `_count` and `_getpagesoffset`, in request order: base of the paging links. */
  readonly linkParameters: readonly (readonly [string, string])[];
}
