// A directory service over the default fixtures (or any data) for tests, called through its
// fallback (the same path as the simulator's HTTP port), each FHIR answer checked against the
// JSON Schemas.
import { createTrustSpaceView } from '../../../domain/create-trust-space-view.ts';
import type { TrustSpaceData } from '../../../domain/model.ts';
import type { TrustSpaceView } from '../../../domain/trust-space-view.ts';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../../fixture-loading/load-fixtures.ts';
import { createDirectoryService, DEFAULT_DIRECTORY_API_KEY, type DirectoryService } from '../create-directory-service.ts';
import { assertFhirResponseValid } from './fhir-schemas.ts';

export const TEST_ORIGIN = 'http://annuaire.test';
export const FIXED_NOW = new Date('2025-03-13T14:00:00Z');

export async function defaultData(): Promise<TrustSpaceData> {
  const loaded = await loadFixtures(DEFAULT_FIXTURES_DIR);
  if (!loaded.ok) throw new Error(`default fixtures invalid: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.data;
}

export interface DirectoryKit {
  readonly service: DirectoryService;
  /** Replaces the current view, like a change through the control API. */
  setView(view: TrustSpaceView): void;
  /** Clock of the service, settable. */
  clock: Date;
  /** GET (or other method) through the fallback with the right API key unless `headers` say otherwise. */
  fhir(path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }>;
  raw(path: string, init?: RequestInit): Promise<Response>;
}

export function directoryKit(data: TrustSpaceData): DirectoryKit {
  let view = createTrustSpaceView(data, { whitelistUpdatedAt: FIXED_NOW.toISOString() });
  const kit: DirectoryKit = {
    clock: FIXED_NOW,
    service: createDirectoryService({
      view: () => view,
      endpoints: () => ({ imap: { host: '127.0.0.1', port: 1143 }, smtp: { host: '127.0.0.1', port: 1587 } }),
      now: () => kit.clock,
      log: () => {},
    }),
    setView: (next) => {
      view = next;
    },
    raw: async (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('ESANTE-API-KEY')) headers.set('ESANTE-API-KEY', DEFAULT_DIRECTORY_API_KEY);
      const response = await kit.service.fallback(new Request(TEST_ORIGIN + path, { ...init, headers }));
      if (!response) throw new Error(`no handler for ${path}`);
      return response;
    },
    fhir: async (path, init) => {
      const response = await kit.raw(path, init);
      const body = (await response.json()) as { resourceType?: unknown };
      assertFhirResponseValid(body);
      return { status: response.status, body: body as any, headers: response.headers };
    },
  };
  return kit;
}
