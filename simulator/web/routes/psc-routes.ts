// HTTP endpoints of the simulated Pro Santé Connect (simulator/services/auth/psc), under PSC_REALM_PATH
// like Keycloak's: OpenID Connect discovery (OIDC Discovery 1.0 §4), JWKS (RFC 7517), token
// (RFC 6749 §3.2; errors §5.2), logout (Keycloak: form with refresh_token, 204) and revocation
// (RFC 7009, always 200). Token answers carry `Cache-Control: no-store` (server default) and
// `Pragma: no-cache` (RFC 6749 §5.1). The browser flow is not simulated.
import { PSC_ENDPOINTS, PSC_REALM_PATH } from '../../services/auth/psc/psc-constants.ts';
import type { Psc } from '../../services/auth/psc/create-psc.ts';
import { PscGrantError, pscGrantErrors } from '../../services/auth/psc/psc-grant-error.ts';
import { required, tokenEndpoint } from '../../services/auth/psc/token-endpoint.ts';
import { json } from '../http-response.ts';
import type { HttpResponse, RequestContext, Route } from '../route.ts';

const NO_CACHE = { Pragma: 'no-cache' };

export function pscRoutes(psc: Psc): Route[] {
  const path = (endpoint: keyof typeof PSC_ENDPOINTS) => `${PSC_REALM_PATH}${PSC_ENDPOINTS[endpoint]}`;
  return [
    { method: 'GET', path: path('discovery'), handler: () => json(psc.discovery()) },
    { method: 'GET', path: path('jwks'), handler: () => json(psc.jwks()) },
    { method: 'POST', path: path('token'), handler: (context) => oauth(() => json(tokenEndpoint(psc, form(context), context.headers.authorization), 200, NO_CACHE)) },
    {
      method: 'POST',
      path: path('logout'),
      handler: (context) =>
        oauth(() => {
          psc.logout(required(form(context), 'refresh_token'));
          return { status: 204 };
        }),
    },
    {
      method: 'POST',
      path: path('revocation'),
      handler: (context) =>
        oauth(() => {
          psc.revokeToken(required(form(context), 'token'));
          return { status: 200 };
        }),
    },
    {
      method: 'GET',
      path: path('authorization'),
      handler: () =>
        json(
          {
            error: 'unsupported_response_type',
            error_description: `Le flux par navigateur n'est pas simulé : demandez un jeton à ${path('token')} avec grant_type=password (idNat ou persona, mot de passe de test) ou urn:simulateur:mailbox.`,
          },
          400,
        ),
    },
  ];
}

/** The form body of an OAuth request (RFC 6749 Appendix B). */
function form(context: RequestContext): URLSearchParams {
  const type = String(context.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) throw pscGrantErrors.notForm();
  return new URLSearchParams(context.body.toString('utf8'));
}

/** Runs an OAuth operation; a PscGrantError becomes the RFC 6749 §5.2 answer. */
function oauth(run: () => HttpResponse): HttpResponse {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PscGrantError)) throw error;
    const headers: Record<string, string> = { ...NO_CACHE };
    if (error.status === 401) headers['WWW-Authenticate'] = 'Basic realm="esante-wallet"';
    return json(error.body(), error.status, headers);
  }
}
