// The token endpoint of the simulated Pro Santé Connect (RFC 6749 §3.2), independent of HTTP:
// form parameters in, the RFC 6749 §5.1 JSON (plus Keycloak's `refresh_expires_in` and
// `session_state`) out, or a PscGrantError (§5.2). Grants: `password` (§4.3), `refresh_token`
// (§6), `urn:simulateur:mailbox` (mailbox-bound token, decision). Client: `client_id` in the
// form or HTTP Basic (§2.3.1); any client is accepted, secrets are not checked (public clients).
import type { IssuedTokens, Psc } from './create-psc.ts';
import { DEFAULT_CLIENT_ID, GRANT_TYPES, MAILBOX_GRANT_TYPE } from './psc-constants.ts';
import { pscGrantErrors } from './psc-grant-error.ts';

export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly refresh_token: string;
  readonly refresh_expires_in: number;
  readonly scope: string;
  readonly session_state: string;
}

export function tokenEndpoint(psc: Psc, form: URLSearchParams, authorization?: string): TokenResponse {
  const clientId = clientIdOf(form, authorization);
  const grant = required(form, 'grant_type');
  switch (grant) {
    case 'password':
      return tokenResponse(psc.passwordGrant(required(form, 'username'), required(form, 'password'), clientId));
    case 'refresh_token':
      return tokenResponse(psc.refreshGrant(required(form, 'refresh_token'), clientId));
    case MAILBOX_GRANT_TYPE:
      return tokenResponse(psc.mailboxGrant(required(form, 'mailbox'), { clientId, ...ttlOf(form) }));
    default:
      throw pscGrantErrors.unsupportedGrant(grant, GRANT_TYPES);
  }
}

export function tokenResponse(issued: IssuedTokens): TokenResponse {
  return {
    access_token: issued.accessToken,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    refresh_token: issued.refreshToken,
    refresh_expires_in: issued.refreshExpiresIn,
    scope: issued.claims.scope,
    session_state: issued.sessionId,
  };
}

/** RFC 6749 §3.2: a parameter sent twice is an error; an empty one counts as missing. */
export function required(form: URLSearchParams, name: string): string {
  const values = form.getAll(name);
  if (values.length > 1) throw pscGrantErrors.badParameter(name, 'envoyé plusieurs fois');
  const value = values[0];
  if (value === undefined || value === '') throw pscGrantErrors.missingParameter(name);
  return value;
}

function clientIdOf(form: URLSearchParams, authorization: string | undefined): string {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const id = formDecode(Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] ?? '');
    if (id !== '') return id;
  }
  return form.get('client_id') || DEFAULT_CLIENT_ID;
}

/** RFC 6749 §2.3.1: the Basic credentials are form-urlencoded first. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw pscGrantErrors.badParameter('Authorization', 'identifiant client mal encodé');
  }
}

function ttlOf(form: URLSearchParams): { ttlSeconds?: number } {
  const text = form.get('ttl_seconds');
  if (text === null || text === '') return {};
  if (!/^\d{1,6}$/.test(text)) throw pscGrantErrors.badParameter('ttl_seconds', 'un entier de secondes');
  return { ttlSeconds: Number(text) };
}
