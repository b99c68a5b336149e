// The direct route of the simulator's HTTP port for the directory's hot path: a plain FHIR search
// `GET /fhir/v2/{type}?…` with the right key and no fault answers the JSON bytes of the same
// search code the msw handlers use (search-answers.ts), without WHATWG Request and Response
// objects. Anything else (errors, faults, reads, POST, `_pretty`) returns undefined and goes the
// msw way, which answers it exactly as before.
import type { DirectoryFaults } from './directory-faults.ts';
import type { DirectoryIndex } from './directory-index.ts';
import { DirectoryRequestError } from './directory-request-error.ts';
import { API_KEY_HEADER, guardRefusal } from './fhir-handlers.ts';
import { FHIR_BASE_PATH, FHIR_JSON, isResourceType } from './fhir-vocabulary.ts';
import type { SearchAnswers } from './search-answers.ts';

export interface DirectAnswer {
  readonly status: 200;
  readonly contentType: string;
  /** The JSON bytes as a one-byte string, one character per byte (search-answers.ts). */
  readonly latin1: string;
}

export interface DirectSearchDeps {
  readonly index: () => DirectoryIndex;
  readonly answers: SearchAnswers;
  readonly apiKey: string;
  readonly faults: DirectoryFaults;
}

/** Request headers as Node gives them: lower-case names, repeated ones in an array. */
export type PlainHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** `url`: the request's absolute URL (its origin is the base of the answer's links). */
export function directSearch(deps: DirectSearchDeps, method: string, url: URL, headers: PlainHeaders): DirectAnswer | undefined {
  if (method !== 'GET' || deps.faults.mode !== 'none' || !url.pathname.startsWith(`${FHIR_BASE_PATH}/`)) return undefined;
  const type = url.pathname.slice(FHIR_BASE_PATH.length + 1);
  if (!isResourceType(type) || url.searchParams.get('_pretty') === 'true') return undefined;
  const key = headers[API_KEY_HEADER.toLowerCase()];
  if (guardRefusal(deps, typeof key === 'string' ? key : (key?.join(', ') ?? null))) return undefined;
  try {
    return { status: 200, contentType: FHIR_JSON, latin1: deps.answers.latin1(deps.index(), type, url.searchParams, `${url.origin}${FHIR_BASE_PATH}`, false) };
  } catch (error) {
    if (error instanceof DirectoryRequestError) return undefined;
    throw error;
  }
}
