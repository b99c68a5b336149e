// Access tokens for SASL XOAUTH2, standing in for Pro Santé Connect (SC.MSS/CONF.07). The
// answer follows an OAuth 2.0 token response (RFC 6749 §5.1) plus `expires_at` and the
// ready-to-send XOAUTH2 initial response `user=<BAL>^Aauth=Bearer <jeton>^A^A`, base64.
import { apiErrors } from '../api-errors.ts';
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import type { ControlApiDeps } from './control-api-deps.ts';

interface TokenRequest {
  readonly mailbox: string;
  readonly ttlSeconds?: number;
}

export function tokenRoutes(deps: ControlApiDeps): Route[] {
  const { space, validator, now } = deps;
  return [
    {
      method: 'POST',
      path: '/api/tokens',
      handler: (context) => {
        const request = validator.parseBody<TokenRequest>(context, 'token-request');
        const mailbox = space.view().mailbox(request.mailbox);
        if (!mailbox) throw apiErrors.unknownMailbox(request.mailbox);
        const issuedAt = now().getTime();
        const { token, expiresAt } = space.tokens.issue(mailbox.address, request.ttlSeconds);
        return json(
          {
            access_token: token,
            token_type: 'Bearer',
            expires_in: Math.max(0, Math.round((expiresAt.getTime() - issuedAt) / 1000)),
            expires_at: expiresAt.toISOString(),
            mailbox: mailbox.address,
            xoauth2: xoauth2InitialResponse(mailbox.address, token),
          },
          201,
        );
      },
    },
  ];
}

/** SASL XOAUTH2 initial client response, base64 (DOMAIN.md §1.2). */
export function xoauth2InitialResponse(mailbox: string, token: string): string {
  return Buffer.from(`user=${mailbox}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64');
}
