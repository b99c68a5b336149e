// Fixed values of the simulated Pro Santé Connect (REG-AUTH-01, SC.MSS/CONF.07): the realm
// path is the real one's (`/auth/realms/esante-wallet`, Keycloak layout) under `/psc` on the
// simulator's HTTP server; lifetimes are the defaults of createPsc().

/** Path of the realm on the simulator's HTTP server; the issuer is the base URL plus this. */
export const PSC_REALM_PATH = '/psc/auth/realms/esante-wallet';

/** Endpoints, relative to the realm (Keycloak's names). */
export const PSC_ENDPOINTS = {
  discovery: '/.well-known/openid-configuration',
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  jwks: '/protocol/openid-connect/certs',
  logout: '/protocol/openid-connect/logout',
  revocation: '/protocol/openid-connect/revoke',
} as const;

/** `aud` of every access token; the operator's endpoints require it (decision). */
export const PSC_AUDIENCE = 'mssante-api-lps';

/** Grant for a mailbox directly, without a person (control API, personas without idNat). */
export const MAILBOX_GRANT_TYPE = 'urn:simulateur:mailbox';

export const GRANT_TYPES = ['password', 'refresh_token', MAILBOX_GRANT_TYPE] as const;

/** Test secret of every test professional for the `password` grant (documented; PSC itself uses a CPS card or e-CPS). */
export const PSC_TEST_PASSWORD = 'psc-test';

/** client_id when the client sends none (public clients, RFC 6749 §2.1). */
export const DEFAULT_CLIENT_ID = 'client-mssante';

/** Access tokens are short-lived (5 min), refresh tokens live 30 min from their issue and are rotated on use. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 300;
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 1800;
/** Upper bound of a lifetime asked for through the mailbox grant or POST /api/tokens. */
export const MAX_TOKEN_TTL_SECONDS = 86_400;
