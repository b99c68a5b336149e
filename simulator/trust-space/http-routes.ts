// Every route of the simulator's HTTP port: the control API (documented in
// simulator/web/openapi.json), the simulated Pro Santé Connect realm (OpenID Connect), its
// session control and the APP mailboxes' client certificates. The Annuaire Santé, liste
// blanche and autoconfig publications answer through the HTTP server's fallback (msw).
import type { Psc } from '../auth/psc/create-psc.ts';
import { controlApiRoutes } from '../web/control-api.ts';
import type { Route } from '../web/route.ts';
import { pscRoutes } from '../web/routes/psc-routes.ts';
import type { TrustSpace } from './trust-space.ts';

export interface HttpRouteDeps {
  readonly space: TrustSpace;
  readonly psc: Psc;
  readonly now: () => Date;
}

export function httpRoutes(deps: HttpRouteDeps): Route[] {
  return [...controlApiRoutes(deps.space, { now: deps.now }), ...pscRoutes(deps.psc)];
}
