// Every free text the IMAP server sends, in one catalogue (REG-DEC-07: one place for what goes on
// the wire). French, written with accents here; imap-text.ts sends them 7-bit (RFC 3501 §9).
// Response codes (RFC 3501 §7.1, RFC 5530, RFC 4315, RFC 6154) are set by the handlers.
import type { FolderRefusal } from '../mailbox/folder-refusal.ts';
import { MAX_FOLDER_NAME_LENGTH, MAX_USER_FOLDERS } from '../protocol/imap-limits.ts';

const FOLDER_REFUSALS: Readonly<Record<FolderRefusal, (name: string) => string>> = {
  'empty-name': () => 'Nom de dossier vide',
  'bad-delimiter': (name) => `Nom de dossier invalide : « ${name} » (« / » en début, en fin ou doublé)`,
  wildcard: (name) => `Nom de dossier invalide : « ${name} » (« * » et « % » sont des jokers de LIST)`,
  'control-character': () => 'Nom de dossier invalide : caractère de contrôle',
  'not-7-bit': (name) => `Nom de dossier invalide : « ${name} » (UTF-7 modifié attendu, RFC 3501 §5.1.3)`,
  'name-too-long': () => `Nom de dossier trop long : ${MAX_FOLDER_NAME_LENGTH} caractères au plus`,
  'already-exists': (name) => `Le dossier « ${name} » existe déjà`,
  nonexistent: (name) => `Dossier inconnu : « ${name} »`,
  'special-folder': (name) => `Le dossier « ${name} » est un dossier spécial : ni suppression ni renommage`,
  'has-children': (name) => `Le dossier « ${name} » contient des sous-dossiers : supprimez-les d'abord`,
  'into-itself': (name) => `Impossible de renommer « ${name} » en l'un de ses propres sous-dossiers`,
  'too-many-folders': () => `Trop de dossiers : ${MAX_USER_FOLDERS} dossiers personnels au plus par boîte`,
};

export const TEXTS = {
  greeting: 'Simulateur MSSanté : serveur IMAP4rev1 prêt', // RFC 3501 §7.1.1 greeting
  capability: 'CAPABILITY terminé',
  noop: 'NOOP terminé',
  check: 'CHECK terminé',
  logoutBye: 'Déconnexion, à bientôt', // RFC 3501 §6.1.3: BYE before the tagged OK
  logout: 'LOGOUT terminé',
  startTls: 'Début de la négociation TLS', // RFC 3501 §6.2.1
  alreadySecure: 'TLS déjà actif',
  startTlsUnavailable: 'STARTTLS indisponible sur ce port (TLS implicite)',
  privacyRequired: "Authentification refusée avant STARTTLS : lancez STARTTLS d'abord (SC.MSS/CONF.07)", // RFC 5530 PRIVACYREQUIRED
  authSucceeded: 'Authentification réussie',
  authCancelled: 'Authentification annulée par le client', // RFC 3501 §6.2.2 `*`
  authMechanismUnsupported: "Mécanisme d'authentification non pris en charge (PLAIN, XOAUTH2)",
  authMalformed: "Réponse d'authentification mal formée",
  authzidRefused: "Identité d'autorisation différente de l'identifiant : accès par procuration non pris en charge",
  tooManyAuthFailures: "Trop d'échecs d'authentification, connexion fermée",
  alreadyAuthenticated: 'Déjà authentifié',
  selected: (command: string) => `${command} terminé`,
  unknownFolder: (name: string) => `Dossier inconnu : « ${name} »`, // RFC 5530 NONEXISTENT
  folderRefusal: (refusal: FolderRefusal, name: string) => FOLDER_REFUSALS[refusal](name),
  unknownFolderTryCreate: (name: string) => `Dossier inconnu : « ${name} », créez-le d'abord (CREATE)`, // RFC 3501 §6.3.11 TRYCREATE
  readOnly: 'Dossier ouvert en lecture seule (EXAMINE)', // RFC 5530 / RFC 3501 READ-ONLY
  flagsNote: 'Drapeaux de message',
  permanentFlags: 'Drapeaux permanents',
  uidValidity: 'UID valides',
  uidNext: 'UID suivant prévu',
  firstUnseen: (seq: number) => `Message ${seq} : premier non lu`,
  done: (command: string) => `${command} terminé`,
  moveCopyUid: 'Messages déplacés',
  appendTooBig: 'Message trop grand',
  badCharset: 'Jeu de caractères non pris en charge (UTF-8, US-ASCII)', // RFC 3501 §6.4.4 BADCHARSET
  idling: 'idling', // RFC 2177 §3 example text, which clients log
  idleDone: 'IDLE terminé',
  idleExpectedDone: 'DONE attendu pour terminer IDLE',
  unknownCommand: (name: string) => `Commande inconnue : ${name}`,
  wrongState: (name: string, state: string) => `Commande ${name} impossible ${state}`,
  notAuthenticated: 'avant authentification',
  notSelected: "sans dossier sélectionné (SELECT ou EXAMINE d'abord)",
  afterAuthentication: 'après authentification',
  internalError: "Erreur interne du simulateur ; la commande n'a pas été exécutée",
  tooManyErrors: 'Trop de commandes invalides, connexion fermée',
  idleTimeout: "Délai d'inactivité dépassé, connexion fermée", // RFC 3501 §5.4 autologout
  tooManyConnections: 'Trop de connexions simultanées, réessayez plus tard',
  shuttingDown: 'Arrêt du serveur IMAP du simulateur',
  sessionRevoked: "Session révoquée : le jeton Pro Santé Connect n'est plus valide, reconnectez-vous (SC.MSS/CONF.10)",
  mailboxReset: 'Boîtes aux lettres réinitialisées par le simulateur, reconnectez-vous',
  literalAnnounced: 'Prêt pour le littéral',
} as const;
