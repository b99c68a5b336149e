// Control API over the sessions of the simulated Pro Santé Connect, for the scenarios of
// SC.MSS/CONF.10 and CONF.11:
// - GET /api/psc/sessions: every session (live or revoked), no token in it;
// - DELETE /api/psc/sessions/{sessionId}: revokes it, as a PSC logout would (CONF.10): its
//   tokens are refused, its refresh token too, and the IMAP/SMTP connections it opened are told;
// - POST /api/psc/sessions/{sessionId}/end-connections: the operator ends the connections of
//   the session while its tokens stay valid (CONF.11: the client must reopen silently).
import type { SimulatedMailboxAuthenticator } from '../../services/auth/create-mailbox-authenticator.ts';
import type { Psc } from '../../services/auth/psc/create-psc.ts';
import { json, noContent } from '../http-response.ts';
import type { RequestContext, Route } from '../route.ts';
import { authApiErrors } from './auth-api-errors.ts';
import { pathParam } from './control-api-deps.ts';

export interface PscSessionRouteDeps {
  readonly psc: Psc;
  readonly authenticator: Pick<SimulatedMailboxAuthenticator, 'endSession'>;
}

export function pscSessionRoutes(deps: PscSessionRouteDeps): Route[] {
  const existing = (context: RequestContext): string => {
    const sessionId = pathParam(context, 'sessionId');
    if (!deps.psc.sessions().some((session) => session.sessionId === sessionId)) throw authApiErrors.unknownPscSession(sessionId);
    return sessionId;
  };
  return [
    { method: 'GET', path: '/api/psc/sessions', handler: () => json(deps.psc.sessions()) },
    {
      method: 'DELETE',
      path: '/api/psc/sessions/{sessionId}',
      handler: (context) => {
        deps.psc.revokeSession(existing(context));
        return noContent();
      },
    },
    {
      method: 'POST',
      path: '/api/psc/sessions/{sessionId}/end-connections',
      handler: (context) => {
        deps.authenticator.endSession(existing(context));
        return noContent();
      },
    },
  ];
}
