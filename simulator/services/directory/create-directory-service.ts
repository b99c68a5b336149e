// Entry point of the simulated Annuaire Santé and trust-space publications, for the
// composition root (simulator/trust-space/start-trust-space.ts): the msw handlers, and a
// `fallback` that resolves a WHATWG Request against them (msw getResponse) for the
// simulator's HTTP server, so out-of-process clients get exactly what in-process ones get.
import { getResponse, type RequestHandler } from 'msw';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import type { MailEndpoints } from './autoconfig-xml.ts';
import { DirectoryFaults } from './directory-faults.ts';
import { DirectoryIndexCache } from './directory-index-cache.ts';
import { fhirHandlers } from './fhir-handlers.ts';
import { publicationHandlers } from './publication-handlers.ts';

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
}

export function createDirectoryService(options: DirectoryServiceOptions): DirectoryService {
  const now = options.now ?? (() => new Date());
  const faults = options.faults ?? new DirectoryFaults();
  const indexes = new DirectoryIndexCache(now);
  const log = options.log ?? ((message: string) => console.error(message));
  const handlers = [
    ...fhirHandlers({ index: () => indexes.of(options.view()), apiKey: options.apiKey ?? DEFAULT_DIRECTORY_API_KEY, faults, now, log }),
    ...publicationHandlers({ view: options.view, endpoints: options.endpoints, now }),
  ];
  return { handlers, faults, fallback: (request) => getResponse(handlers, request) };
}
