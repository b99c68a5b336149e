// OpenID Connect Discovery 1.0 §3 metadata of the simulated Pro Santé Connect, served at
// `<issuer>/.well-known/openid-configuration` (§4). Only what the simulator implements is
// announced, plus the mandatory members; the browser flow (authorization endpoint) answers
// that it is not simulated.
import { GRANT_TYPES, PSC_ENDPOINTS } from './psc-constants.ts';

export interface DiscoveryDocument {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly end_session_endpoint: string;
  readonly revocation_endpoint: string;
  readonly grant_types_supported: readonly string[];
  readonly response_types_supported: readonly string[];
  readonly subject_types_supported: readonly string[];
  readonly id_token_signing_alg_values_supported: readonly string[];
  readonly token_endpoint_auth_methods_supported: readonly string[];
  readonly revocation_endpoint_auth_methods_supported: readonly string[];
  readonly scopes_supported: readonly string[];
  readonly claims_supported: readonly string[];
}

export function discoveryDocument(issuer: string): DiscoveryDocument {
  return {
    issuer,
    authorization_endpoint: `${issuer}${PSC_ENDPOINTS.authorization}`,
    token_endpoint: `${issuer}${PSC_ENDPOINTS.token}`,
    jwks_uri: `${issuer}${PSC_ENDPOINTS.jwks}`,
    end_session_endpoint: `${issuer}${PSC_ENDPOINTS.logout}`,
    revocation_endpoint: `${issuer}${PSC_ENDPOINTS.revocation}`,
    grant_types_supported: GRANT_TYPES,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
    revocation_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
    scopes_supported: ['openid'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'jti', 'sid', 'azp', 'preferred_username', 'name', 'given_name', 'family_name', 'SubjectNameID', 'mss_organisations', 'mss_mailbox'],
  };
}
