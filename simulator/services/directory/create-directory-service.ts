// Entry point of the simulated Annuaire Santé and trust-space publications, for the
// composition root (simulator/trust-space/start-trust-space.ts): the msw handlers, and a
// `fallback` that resolves a WHATWG Request against them (msw getResponse) for the
// simulator's HTTP server, so out-of-process clients get exactly what in-process ones get, and
// `direct`, the same search code without Request/Response for the hot path (direct-search.ts).
import { getResponse, type RequestHandler } from 'msw';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import type { MailEndpoints } from './autoconfig-xml.ts';
import { DirectoryFaults } from './directory-faults.ts';
import { DirectoryIndexCache } from './directory-index-cache.ts';
import { directSearch, type DirectAnswer, type PlainHeaders } from './direct-search.ts';
import { fhirHandlers } from './fhir-handlers.ts';
import { publicationHandlers } from './publication-handlers.ts';
import { SearchAnswers } from './search-answers.ts';

/** The key the simulator accepts by default in ESANTE-API-KEY (a public test value, README). */
export const DEFAULT_DIRECTORY_API_KEY = 'simulateur-annuaire-cle-de-test';

export interface DirectoryServiceOptions {
  /** The current trust space (a new view after every change). */
  readonly view: () => TrustSpaceView;
  readonly apiKey?: string;
  /** Shared with the control API; the trust space's reset() resets it. */
  readonly faults?: DirectoryFaults;
  /** Read at each autoconfig request: ports are known only once listeners run. */
  readonly endpoints: () => MailEndpoints;
  readonly now?: () => Date;
  /** Unexpected errors, with their stack; default console.error. */
  readonly log?: (message: string) => void;
}

export interface DirectoryService {
  readonly handlers: RequestHandler[];
  readonly faults: DirectoryFaults;
  /** The handlers' answer, or undefined when none matches (the server then answers its 404). */
  fallback(request: Request): Promise<Response | undefined>;
  /** A plain search's answer straight from the search code, or undefined: ask `fallback` then. */
  direct(method: string, url: URL, headers: PlainHeaders): DirectAnswer | undefined;
}

export function createDirectoryService(options: DirectoryServiceOptions): DirectoryService {
  const now = options.now ?? (() => new Date());
  const faults = options.faults ?? new DirectoryFaults();
  const indexes = new DirectoryIndexCache(now);
  const log = options.log ?? ((message: string) => console.error(message));
  const search = { index: () => indexes.of(options.view()), answers: new SearchAnswers(), apiKey: options.apiKey ?? DEFAULT_DIRECTORY_API_KEY, faults };
  const handlers = [...fhirHandlers({ ...search, now, log }), ...publicationHandlers({ view: options.view, endpoints: options.endpoints, now })];
  return { handlers, faults, fallback: (request) => getResponse(handlers, request), direct: (method, url, headers) => directSearch(search, method, url, headers) };
}
