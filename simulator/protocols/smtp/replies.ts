// THE catalogue of the SMTP replies the simulator's own code emits (REG-DEC-07: SMTP rejections
// come from here, never built ad hoc). One row per reply, with the rule it applies. The wire
// text gives the reason first and the whole line (code, enhanced code, text) fits in 80
// columns, so that a terminal client shows it whole; the addresses and the full explanation
// go to the journal (`detail`), next to the client's command. Replies that
// smtp-server builds itself are listed in library-replies.ts. Every line is pinned by a wire test
// (submission-endpoint.test.ts, peer-endpoint.test.ts).
import { BOUNCE_REASONS, type BounceReason } from '../../domain/bounce-reasons.ts';
import type { SmtpReply } from './smtp-reply.ts';

/** RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets; client-supplied values are shortened. */
const SHOWN_MAX = 100;
function shown(value: string): string {
  if (value === '') return '(aucun)';
  return value.length <= SHOWN_MAX ? value : `${value.slice(0, SHOWN_MAX - 1)}…`;
}

/** `text` goes on the wire (the reason first; the whole line within 80 columns); `detail`, when given, goes to the journal. */
const reply = (code: number, enhanced: string, text: string, detail?: string): SmtpReply => (detail === undefined ? { code, enhanced, text } : { code, enhanced, text, detail });

/** Reply code for an RFC 3463 status at RCPT: 5.1.3 bad address syntax → 553, 5.3.4 too big → 552, else 550 (RFC 5321 §4.2.2). */
export function codeForStatus(status: string): number {
  if (status === '5.1.3') return 553;
  if (status === '5.3.4') return 552;
  return 550;
}

export const REPLIES = {
  // RFC 3207 §4: on a server requiring TLS, commands other than EHLO, NOOP, STARTTLS, QUIT get 530; SC.MSS/CONF.05, REG-SMTP-01.
  startTlsRequired: reply(530, '5.7.0', "STARTTLS obligatoire avant l'authentification et l'envoi"),
  // RFC 4954 §6 (530 5.7.0 Authentication required); REG-SMTP-02: submission requires AUTH.
  authenticationRequired: reply(530, '5.7.0', "Authentification obligatoire avant l'envoi d'un message"),
  // RFC 4954 §6 (535 5.7.8 Authentication credentials invalid): unknown mailbox, wrong password, proxy authorisation.
  invalidCredentials: reply(535, '5.7.8', 'Identifiants refusés : boîte inconnue ou mot de passe incorrect'),
  // RFC 4954 §6 (534 5.7.9 mechanism too weak for this user): PLAIN/LOGIN for a PER/ORG mailbox while password AUTH is off; SC.MSS/CONF.07.
  // The AUTH refusals below are explained in full by the authenticator's journal fact (submission-endpoint.ts).
  passwordAuthDisabled: reply(534, '5.7.9', 'Mot de passe désactivé : utilisez XOAUTH2 (SC.MSS/CONF.07)'),
  // SC.MSS/CONF.12 (RFC 4954 §6, 535 5.7.8): an APP mailbox authenticates with its client certificate ORG AUTH_CLI, then PLAIN.
  clientCertificateRequired: reply(535, '5.7.8', 'Certificat client ORG AUTH_CLI requis (SC.MSS/CONF.12)'),
  // SC.MSS/CONF.12: the certificate presented is not one the test CA issued for this mailbox (details in the journal).
  clientCertificateMismatch: reply(535, '5.7.8', 'Certificat client refusé pour cette boîte (SC.MSS/CONF.12)'),
  // SC.MSS/CONF.10 (RFC 4954 §6, 530 5.7.0): the PSC session this connection authenticated with was revoked; the client must close it and log in again.
  sessionRevoked: (mailbox: string) =>
    reply(530, '5.7.0', 'Session PSC révoquée : reconnectez-vous (SC.MSS/CONF.10)', `Session Pro Santé Connect révoquée pour <${shown(mailbox)}> : fermez cette connexion et authentifiez-vous de nouveau (SC.MSS/CONF.10)`),
  // REG-SMTP-03: the envelope sender must be the authenticated mailbox; RFC 3463 5.7.1 delivery not authorized.
  senderNotAuthenticatedMailbox: (sender: string, mailbox: string) =>
    reply(550, '5.7.1', "Expéditeur refusé : ce n'est pas la boîte authentifiée", `L'expéditeur de l'enveloppe <${shown(sender)}> n'est pas la boîte authentifiée <${shown(mailbox)}>`),
  // REG-SMTP-03 (decision): a submitted message always has the authenticated mailbox as sender, never <> (RFC 5321 §4.5.5 reserves it for notifications).
  nullSenderRefused: (mailbox: string) =>
    reply(550, '5.7.1', 'Expéditeur vide <> refusé : utilisez la boîte authentifiée', `L'expéditeur vide <> est refusé en soumission : utilisez la boîte authentifiée <${shown(mailbox)}>`),
  // REG-AUTH-07: the connection closes after this many failed AUTH (421 closes it, RFC 5321 §3.8; RFC 3463 X.7.0).
  tooManyAuthFailures: (limit: number) =>
    reply(421, '4.7.0', `Trop d'échecs d'authentification (${limit}) : connexion fermée`, `Échec d'authentification n° ${limit} sur cette connexion : le serveur la ferme ; vérifiez l'identifiant et le mot de passe ou le jeton, puis reconnectez-vous`),
  // REG-SMTP-06: a non-ASCII local part needs MAIL FROM:<…> SMTPUTF8 (RFC 6531 §3.4, §3.7.4.1; RFC 5248 X.6.7).
  nonAsciiAddressWithoutSmtpUtf8: (address: string) =>
    reply(553, '5.6.7', 'Adresse non ASCII refusée : MAIL FROM sans SMTPUTF8', `L'adresse <${shown(address)}> contient des caractères hors ASCII : elle n'est admise que dans une transaction ouverte par MAIL FROM:<…> SMTPUTF8 (RFC 6531)`),
  // REG-SMTP-03: the From header must be the authenticated mailbox; checked at the end of DATA (RFC 5321 §4.2.5).
  fromHeaderNotAuthenticatedMailbox: (found: readonly string[], mailbox: string) =>
    reply(
      550,
      '5.7.1',
      'En-tête From refusé : seule la boîte authentifiée est admise',
      `L'en-tête From doit contenir la seule adresse de la boîte authentifiée <${shown(mailbox)}> (trouvé : ${found.length === 0 ? 'aucune adresse' : shown(found.join(', '))})`,
    ),
  // REG-LB-02: recipient domain absent from the liste blanche, refused at RCPT.
  recipientOutsideTrustSpace: (address: string, domain: string) =>
    reply(550, '5.7.1', 'Destinataire refusé : domaine hors liste blanche MSSanté', `Destinataire <${shown(address)}> refusé : le domaine ${shown(domain)} n'est pas dans la liste blanche de l'espace de confiance MSSanté`),
  // Peer endpoint: the simulator never relays outside its simulated domains (RFC 5321 §3.6.1, §7.9; RFC 3463 5.7.1).
  relayDenied: (address: string, domain: string) =>
    reply(550, '5.7.1', 'Destinataire refusé : domaine non hébergé ici (relais interdit)', `Destinataire <${shown(address)}> refusé : le domaine ${shown(domain)} n'est pas hébergé par ce simulateur (relais interdit)`),
  // Strict mode (REG-ANR-05): what would bounce asynchronously is refused at RCPT with the bounce's status (bounce-reasons.ts).
  recipientRefusedStrict: (address: string, reason: BounceReason) => {
    const { status } = BOUNCE_REASONS[reason];
    return reply(codeForStatus(status), status, `Adresse refusée : ${BOUNCE_REASONS[reason].refusal}`, `Adresse <${shown(address)}> refusée : ${BOUNCE_REASONS[reason].refusalDetail}`);
  },
  // RFC 5321 §4.5.3.1.10: too many recipients is 452 (not 552); RFC 3463 4.5.3.
  tooManyRecipients: (max: number) => reply(452, '4.5.3', `Trop de destinataires : ${max} au plus par message`),
  // RFC 1870 §6 and RFC 5321 §4.5.3.1.9 (552 too much mail data); RFC 3463 5.3.4; nothing is stored.
  messageTooLarge: (maxBytes: number) => reply(552, '5.3.4', `Message trop volumineux : ${maxBytes} octets au plus`),
  // RFC 5321 §4.2.2 (250) and RFC 3463 2.0.0; the identifier is the transmission id (GET /api/transmissions/{id}, the message as received).
  messageAccepted: (id: string) => reply(250, '2.0.0', `Message accepté, identifiant ${id}`),
  // RFC 5321 §4.2.2 (451 local error in processing); RFC 3463 4.3.0: routing threw, nothing was accepted.
  routingFailed: reply(451, '4.3.0', 'Erreur interne : message non accepté, réessayez plus tard'),
  // RFC 5321 §3.8 (421 when the service shuts down); RFC 3463 4.3.2: sent to idle connections by stop().
  shuttingDown: reply(421, '4.3.2', 'Arrêt du simulateur : connexion fermée, réessayez plus tard'),
} as const;

/** Texts of the greeting and EHLO lines, formatted by smtp-server from these options. */
export const GREETING_BANNER = 'Simulateur MSSanté, opérateur de test';
export const HELO_RESPONSE = '%s bonjour %s';
