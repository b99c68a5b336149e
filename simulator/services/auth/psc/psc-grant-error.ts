// A refusal of the simulated Pro Santé Connect token endpoint, as RFC 6749 §5.2 defines it:
// HTTP 400 (401 for invalid_client) with `{ error, error_description }`. `code` is our stable
// code (REG-DEC-05); the description is French, for the vendor.

export type OAuthErrorCode = 'invalid_request' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_client' | 'unauthorized_client' | 'invalid_scope';

export class PscGrantError extends Error {
  readonly code: string;
  readonly error: OAuthErrorCode;
  readonly status: number;

  constructor(error: OAuthErrorCode, reason: string, description: string) {
    super(description);
    this.name = 'PscGrantError';
    this.error = error;
    this.code = `MSS_SIM_PSC_${reason}`;
    this.status = error === 'invalid_client' ? 401 : 400;
  }

  /** The JSON body of RFC 6749 §5.2. */
  body(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.message };
  }
}

/** Every refusal, with its French description (fact, then what to do). */
export const pscGrantErrors = {
  missingParameter: (name: string) => new PscGrantError('invalid_request', 'MISSING_PARAMETER', `Paramètre « ${name} » manquant : voir le document de découverte OpenID Connect.`),
  badParameter: (name: string, expected: string) => new PscGrantError('invalid_request', 'BAD_PARAMETER', `Paramètre « ${name} » invalide : ${expected}.`),
  notForm: () =>
    new PscGrantError('invalid_request', 'NOT_FORM_ENCODED', 'Corps attendu en application/x-www-form-urlencoded (RFC 6749 §4.3.2).'),
  unsupportedGrant: (grant: string, supported: readonly string[]) =>
    new PscGrantError('unsupported_grant_type', 'UNSUPPORTED_GRANT', `Type d'autorisation « ${grant} » non pris en charge : ${supported.join(', ')}.`),
  badCredentials: () =>
    new PscGrantError('invalid_grant', 'BAD_CREDENTIALS', 'Identifiant ou mot de passe de test incorrect : identifiant = idNat du professionnel ou identifiant de persona, mot de passe de test documenté.'),
  unknownMailbox: (mailbox: string) => new PscGrantError('invalid_grant', 'UNKNOWN_MAILBOX', `Boîte aux lettres « ${mailbox} » inconnue de l'espace de confiance simulé.`),
  appMailbox: (mailbox: string) =>
    new PscGrantError('invalid_grant', 'APP_MAILBOX', `« ${mailbox} » est une boîte applicative : pas de jeton Pro Santé Connect, elle s'authentifie par certificat client ORG AUTH_CLI puis AUTH PLAIN (SC.MSS/CONF.12).`),
  unknownRefreshToken: () => new PscGrantError('invalid_grant', 'UNKNOWN_REFRESH_TOKEN', "Jeton de rafraîchissement inconnu : reconnectez l'utilisateur."),
  refreshTokenReused: () =>
    new PscGrantError('invalid_grant', 'REFRESH_TOKEN_REUSED', "Jeton de rafraîchissement déjà utilisé : la session est révoquée par précaution, reconnectez l'utilisateur (SC.MSS/CONF.10)."),
  refreshTokenExpired: () => new PscGrantError('invalid_grant', 'REFRESH_TOKEN_EXPIRED', "Jeton de rafraîchissement expiré : reconnectez l'utilisateur et fermez les sessions IMAP et SMTP (SC.MSS/CONF.10)."),
  sessionRevoked: () => new PscGrantError('invalid_grant', 'SESSION_REVOKED', "Session Pro Santé Connect terminée : reconnectez l'utilisateur et fermez les sessions IMAP et SMTP (SC.MSS/CONF.10)."),
  otherClient: () => new PscGrantError('invalid_grant', 'OTHER_CLIENT', 'Jeton de rafraîchissement délivré à un autre client (client_id) : RFC 6749 §6.'),
};
