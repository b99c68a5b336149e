// The same handlers in-process, for our own client code and tests (msw setupServer): a fetch
// to `https://gateway.api.esante.gouv.fr/fhir/v2/…` (or any origin) is answered by the
// simulated Annuaire Santé without a socket. Requests the handlers do not match go out as usual.
import { setupServer, type SetupServer } from 'msw/node';
import type { DirectoryService } from './create-directory-service.ts';

/** The real API's base URL (REG-ANN-01): in-process clients can keep it unchanged. */
export const REAL_DIRECTORY_BASE_URL = 'https://gateway.api.esante.gouv.fr/fhir/v2';

export interface InProcessDirectory {
  readonly server: SetupServer;
  /** Stops intercepting; call it at the end of the test (after each, or in `after`). */
  close(): void;
}

export function interceptDirectory(service: DirectoryService): InProcessDirectory {
  const server = setupServer(...service.handlers);
  server.listen({ onUnhandledRequest: 'bypass' });
  return { server, close: () => server.close() };
}
