// msw handlers of the simulated Annuaire Santé FHIR API v2 (REG-ANN-01), `*/fhir/v2/…`
// patterns so that one handler set serves in-process (setupServer) and the simulator's HTTP
// port (getResponse). Every request goes through the faults, then the ESANTE-API-KEY check;
// the work itself is the pure search/read code, turned into FHIR JSON.
import { http, type RequestHandler } from 'msw';
import { capabilityStatement } from './capability-statement.ts';
import type { DirectoryFaults } from './directory-faults.ts';
import type { DirectoryIndex } from './directory-index.ts';
import { directoryErrors } from './directory-errors.ts';
import type { DirectoryRequestError } from './directory-request-error.ts';
import { resourceAt, resourceFragments } from './fhir-resources.ts';
import { errorResponse, fhirResponse } from './fhir-responses.ts';
import { FHIR_BASE_PATH, isResourceType, RESOURCE_TYPES, type ResourceType } from './fhir-vocabulary.ts';
import { parseSearch } from './parse-search.ts';
import type { SearchAnswers } from './search-answers.ts';
import { searchParameters } from './search-body.ts';
import { searchsetBundle } from './search-bundle.ts';

export interface FhirHandlerDeps {
  /** The index of the current trust-space view. */
  readonly index: () => DirectoryIndex;
  /** Search answers kept per query, shared with the direct route (direct-search.ts). */
  readonly answers: SearchAnswers;
  readonly apiKey: string;
  readonly faults: DirectoryFaults;
  readonly now: () => Date;
  readonly log: (message: string) => void;
}

export const API_KEY_HEADER = 'ESANTE-API-KEY';

export function fhirHandlers(deps: FhirHandlerDeps): RequestHandler[] {
  const guarded = (run: (request: Request, params: Record<string, string | readonly string[] | undefined>) => Promise<Response> | Response) =>
    ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => guard(deps, request, () => run(request, params));
  return [
    http.get(`*${FHIR_BASE_PATH}/:type`, guarded((request, params) => {
      const type = String(params['type']);
      if (type === 'metadata') return fhirResponse(capabilityStatement(baseOf(request), deps.now().toISOString()));
      return search(deps, request, knownType(type), new URL(request.url).searchParams);
    })),
    http.get(`*${FHIR_BASE_PATH}/:type/:id`, guarded((request, params) => {
      const type = knownType(String(params['type']));
      const id = String(params['id']);
      if (id === '_search') return search(deps, request, type, new URL(request.url).searchParams);
      return read(deps, request, type, id);
    })),
    http.post(`*${FHIR_BASE_PATH}/:type/_search`, guarded(async (request, params) => {
      const type = knownType(String(params['type']));
      return search(deps, request, type, await searchParameters(request));
    })),
    http.all(`*${FHIR_BASE_PATH}/*`, guarded((request) => {
      const rest = new URL(request.url).pathname.split(`${FHIR_BASE_PATH}/`)[1] ?? '';
      const type = knownType(rest.split('/')[0] ?? '');
      if (request.method !== 'GET' && request.method !== 'HEAD') throw directoryErrors.methodNotAllowed(request.method);
      throw directoryErrors.unknownResource(type, shorten(rest.slice(type.length + 1)));
    })),
  ];
}

/** Faults first (a broken gateway answers before checking anything), then the API key (REG-ANN-01). */
async function guard(deps: FhirHandlerDeps, request: Request, run: () => Promise<Response> | Response): Promise<Response> {
  try {
    const refusal = guardRefusal(deps, request.headers.get(API_KEY_HEADER));
    if (refusal) throw refusal;
    if (deps.faults.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, deps.faults.delayMs));
    return await run();
  } catch (error) {
    return errorResponse(error, deps.log);
  }
}

/** What the guard refuses before any work: a fault that answers first, a missing or wrong key. */
export function guardRefusal(deps: Pick<FhirHandlerDeps, 'faults' | 'apiKey'>, key: string | null): DirectoryRequestError | undefined {
  if (deps.faults.mode === 'unavailable') return directoryErrors.unavailable();
  if (deps.faults.mode === 'key-refused') return directoryErrors.wrongApiKey();
  if (key === null || key === '') return directoryErrors.missingApiKey();
  if (key !== deps.apiKey) return directoryErrors.wrongApiKey();
  return undefined;
}

function search(deps: FhirHandlerDeps, request: Request, type: ResourceType, parameters: URLSearchParams): Response {
  const empty = deps.faults.mode === 'empty';
  if (parameters.get('_pretty') === 'true') return fhirResponse(searchsetBundle(deps.index(), parseSearch(type, parameters), baseOf(request), empty), true);
  return fhirResponse(deps.answers.json(deps.index(), type, parameters, baseOf(request), empty));
}

function read(deps: FhirHandlerDeps, request: Request, type: ResourceType, id: string): Response {
  const index = deps.index();
  const position = index.tables[type].byId.get(id);
  if (position === undefined) throw directoryErrors.unknownResource(type, shorten(id));
  if (new URL(request.url).searchParams.get('_pretty') === 'true') return fhirResponse(resourceAt(index, type, position), true);
  return fhirResponse(resourceFragments(index, type).bytes(position));
}

function knownType(type: string): ResourceType {
  if (!isResourceType(type)) throw directoryErrors.unknownResourceType(shorten(type), RESOURCE_TYPES);
  return type;
}

function shorten(text: string): string {
  return text.length > 64 ? `${text.slice(0, 61)}…` : text;
}

/** The API root as the client reached it: links and fullUrls point back at the same server. */
function baseOf(request: Request): string {
  return `${new URL(request.url).origin}${FHIR_BASE_PATH}`;
}
