// The French message of each authentication failure (MailboxAuthenticator, shown to the
// client's user in the NO/535 text or the journal). Never a secret: no password, no token.

export const authFailureMessages = {
  tlsRequired: () => "Authentification refusée hors TLS : passez d'abord en TLS (STARTTLS), SC.MSS/CONF.05 et CONF.06",
  unknownMailbox: (mailbox: string) => `Boîte aux lettres « ${shown(mailbox)} » inconnue de l'opérateur simulé`,
  wrongPassword: (mailbox: string) => `Mot de passe incorrect pour « ${shown(mailbox)} »`,
  passwordAuthDisabled: (mailbox: string) =>
    `Authentification par mot de passe désactivée pour « ${shown(mailbox)} » : utilisez XOAUTH2 avec un jeton Pro Santé Connect (SC.MSS/CONF.07)`,
  tokenInvalid: (detail: string) => `Jeton Pro Santé Connect invalide (${detail}) : obtenez un nouveau jeton`,
  tokenExpired: (detail: string) => `Jeton Pro Santé Connect expiré (${detail}) : renouvelez-le avec le jeton de rafraîchissement`,
  tokenRevoked: () => "Session Pro Santé Connect révoquée : reconnectez l'utilisateur et fermez les sessions IMAP et SMTP (SC.MSS/CONF.10)",
  tokenWrongMailbox: (bound: string, mailbox: string) => `Jeton délivré pour la boîte « ${shown(bound)} », pas pour « ${shown(mailbox)} »`,
  notEntitled: (who: string, mailbox: string) =>
    `${who} n'est pas autorisé à utiliser la boîte « ${shown(mailbox)} » : ni titulaire de la boîte, ni membre de la structure qui la détient`,
  appMailboxToken: (mailbox: string) =>
    `Boîte applicative « ${shown(mailbox)} » : pas de jeton Pro Santé Connect, présentez le certificat client ORG AUTH_CLI de la boîte puis AUTH PLAIN (SC.MSS/CONF.12)`,
  certificateRequired: (mailbox: string) =>
    `Boîte applicative « ${shown(mailbox)} » : présentez le certificat client ORG AUTH_CLI délivré pour cette boîte, puis AUTH PLAIN avec l'adresse de la boîte (SC.MSS/CONF.12)`,
  certificateMismatch: (mailbox: string, detail: string) => `Certificat client refusé pour la boîte applicative « ${shown(mailbox)} » : ${detail}`,
} as const satisfies Record<string, (...args: never[]) => string>;

/** Client-supplied values are shortened (a reply line is bounded, RFC 5321 §4.5.3.1.5). */
function shown(value: string): string {
  return value.length <= 100 ? value : `${value.slice(0, 99)}…`;
}
