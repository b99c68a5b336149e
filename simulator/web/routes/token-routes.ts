// POST /api/tokens: an access token for SASL XOAUTH2 (SC.MSS/CONF.07) for one mailbox. With the
// simulated Pro Santé Connect (`space.psc`), a signed JWT bound to that mailbox
// (`urn:simulateur:mailbox` grant), plus its refresh token and PSC session id; without it (until
// the composition root provides one), the former opaque token of TokenIssuer. The answer
// follows an OAuth 2.0 token response (RFC 6749 §5.1) plus `expires_at` and the ready-to-send
// XOAUTH2 initial response `user=<BAL>^Aauth=Bearer <jeton>^A^A`, base64.
import type { Psc } from '../../services/auth/psc/create-psc.ts';
import { PscGrantError } from '../../services/auth/psc/psc-grant-error.ts';
import type { Mailbox } from '../../domain/model.ts';
import { apiErrors } from '../api-errors.ts';
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import { authApiErrors } from './auth-api-errors.ts';
import type { ControlApiDeps } from './control-api-deps.ts';

interface TokenRequest {
  readonly mailbox: string;
  readonly ttlSeconds?: number;
}

/** Client id of the tokens the control API asks for. */
export const CONTROL_API_CLIENT_ID = 'api-de-pilotage';

export function tokenRoutes(deps: ControlApiDeps): Route[] {
  const { space, validator } = deps;
  return [
    {
      method: 'POST',
      path: '/api/tokens',
      handler: (context) => {
        const request = validator.parseBody<TokenRequest>(context, 'token-request');
        const mailbox = space.view().mailbox(request.mailbox);
        if (!mailbox) throw apiErrors.unknownMailbox(request.mailbox);
        return json(pscToken(space.psc, mailbox, request.ttlSeconds), 201);
      },
    },
  ];
}

function pscToken(psc: Psc, mailbox: Mailbox, ttlSeconds: number | undefined) {
  try {
    const issued = psc.mailboxGrant(mailbox.address, { clientId: CONTROL_API_CLIENT_ID, ...(ttlSeconds !== undefined ? { ttlSeconds } : {}) });
    return {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      expires_at: issued.expiresAt.toISOString(),
      mailbox: mailbox.address,
      xoauth2: xoauth2InitialResponse(mailbox.address, issued.accessToken),
      refresh_token: issued.refreshToken,
      refresh_expires_in: issued.refreshExpiresIn,
      session_id: issued.sessionId,
    };
  } catch (error) {
    if (error instanceof PscGrantError && error.code === 'MSS_SIM_PSC_APP_MAILBOX') throw authApiErrors.appMailboxToken(mailbox.address);
    throw error;
  }
}

/** SASL XOAUTH2 initial client response, base64 (REG-AUTH-01). */
export function xoauth2InitialResponse(mailbox: string, token: string): string {
  return Buffer.from(`user=${mailbox}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64');
}
