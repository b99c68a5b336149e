// Every route of the simulator's HTTP port: the control API (documented in
// simulator/web/openapi.json), the simulated Pro Santé Connect realm (OpenID Connect), its
// session control and the APP mailboxes' client certificates. The Annuaire Santé, liste
// blanche and autoconfig publications answer through the HTTP server's fallback (msw).
import type { Psc } from '../services/auth/psc/create-psc.ts';
import { DemonstrationRunner } from '../demonstrations/demonstration-runner.ts';
import { parseMessage } from '../protocols/mime/parse-message.ts';
import { RequestValidator } from '../web/request-validator.ts';
import { consoleRoutes } from '../web/routes/console-routes.ts';
import { demonstrationRoutes } from '../web/routes/demonstration-routes.ts';
import { eventRoutes } from '../web/routes/event-routes.ts';
import { flowRoutes } from '../web/routes/flow-routes.ts';
import { messageHtmlRoutes } from '../web/routes/message-html-route.ts';
import { controlApiRoutes } from '../web/control-api.ts';
import type { Route } from '../web/route.ts';
import { pscRoutes } from '../web/routes/psc-routes.ts';
import { uiSessionRoutes } from '../web/routes/ui-session-route.ts';
import { uiRoutes } from '../web/ui/ui-routes.ts';
import { appPageRoutes } from '../web/ui/app-pages.ts';
import { patientAppRoutes } from '../web/patient-app/patient-app-routes.ts';
import { webmailRoutes } from '../web/webmail/webmail-routes.ts';
import type { RunningTrustSpace } from './trust-space.ts';

export interface HttpRouteDeps {
  readonly space: RunningTrustSpace;
  readonly psc: Psc;
  readonly now: () => Date;
}

export function httpRoutes(deps: HttpRouteDeps): Route[] {
  return [...controlApiRoutes(deps.space, { now: deps.now }), ...liveApiRoutes(deps.space), ...appRoutes(deps.space), ...pscRoutes(deps.psc), ...uiRoutes(), ...appPageRoutes()];
}

/** The two ends of a conversation as people see them: the Mon espace santé app and the professional webmail. */
export function appRoutes(space: RunningTrustSpace): Route[] {
  return [...patientAppRoutes(space), ...webmailRoutes(space)];
}

/** The web UI's API: live flow and events, safe message view, demonstrations, operator console, read cookie. */
export function liveApiRoutes(space: RunningTrustSpace, demonstrations = new DemonstrationRunner(space)): Route[] {
  return [
    ...flowRoutes(space.flow),
    ...eventRoutes({ flow: space.flow, console: space.console, demonstrations }),
    ...messageHtmlRoutes({ store: space.store, parseMessage: (raw) => parseMessage(raw) }),
    ...demonstrationRoutes(demonstrations),
    ...consoleRoutes(space.console, new RequestValidator()),
    ...uiSessionRoutes(space.actionToken),
  ];
}
