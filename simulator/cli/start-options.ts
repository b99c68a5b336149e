// Command-line options of `start`, parsed and checked (exit 64 on usage errors, REG-DEC-05).
import { parseArgs } from 'node:util';
import { isServerTlsProfile, SERVER_TLS_PROFILES, type ServerTlsProfile } from '../services/pki/server-tls-profile.ts';
import { DEFAULT_MINIMUM_BYTES } from '../services/persistence/live-compaction.ts';
import { DEFAULT_MAX_MESSAGES } from '../services/store/message-store.ts';
import { frenchParseError } from './french-parse-error.ts';
import { isHostName } from './host-name.ts';
import { START_DEFAULTS } from './start-defaults.ts';
import { UsageError } from './usage-error.ts';

export interface StartOptions {
  readonly fixturesDir?: string;
  readonly host: string;
  readonly submissionPort: number;
  readonly peerPort: number;
  readonly imapPort: number;
  readonly imapsPort: number;
  readonly httpPort: number;
  readonly dataDir: string;
  readonly strictRecipients: boolean;
  readonly passwordAuth: boolean;
  readonly endpointsFile?: string;
  /** Keep SMTP transcripts (default); off only for benchmarks. */
  readonly journal: boolean;
  /** Server certificate of the TLS endpoints (negative modes for client tests). */
  readonly tlsProfile: ServerTlsProfile;
  /** Bearer token of the HTTP port off loopback (or with --exiger-jeton; REG-DEC-01). */
  readonly actionToken?: string;
  /** --exiger-jeton: the token even on loopback (a machine shared by several users). */
  readonly requireToken: boolean;
  /** --lecture-publique: reads (GET) open without the token. */
  readonly publicReads: boolean;
  /** --nom-hote (repeatable): other names accepted in the HTTP `Host` header. */
  readonly hostNames: readonly string[];
  /** --annoncer-hote: the name given to clients (endpoints file, banner) instead of the listening address. */
  readonly announcedHost?: string;
  /** --max-messages: copies kept before the oldest are evicted (store, transmissions, IMAP folders). */
  readonly maxMessages: number;
  /** --conserver: every message acknowledged with 250 is on disk under dataDir, and read back at start. */
  readonly durable: boolean;
  /** --compactage-journal: bytes of evicted messages' records that start a compaction while running (with --conserver). */
  readonly durableCompactionBytes?: number;
}

const MEBIBYTE = 1024 * 1024;

export const START_USAGE = `Usage : simulateur start [options]
  --fixtures DOSSIER        jeu de données de l'espace de confiance (défaut : fixtures/ du projet)
  --host ADRESSE            adresse d'écoute (défaut : ${START_DEFAULTS.host}, boucle locale)
  --submission-port PORT    SMTP de soumission pour les clients (défaut : ${START_DEFAULTS.submissionPort}, 0 = port libre)
  --peer-port PORT          SMTP entre opérateurs (défaut : ${START_DEFAULTS.peerPort})
  --imap-port PORT          IMAP avec STARTTLS (défaut : ${START_DEFAULTS.imapPort})
  --imaps-port PORT         IMAP en TLS implicite (défaut : ${START_DEFAULTS.imapsPort})
  --http-port PORT          API de contrôle, Pro Santé Connect simulé, Annuaire Santé, liste blanche (défaut : ${START_DEFAULTS.httpPort})
  --data-dir DOSSIER        où conserver l'AC et les certificats de test, et avec --conserver les messages
                            (défaut : ${START_DEFAULTS.dataDir}) ; alias --dossier-donnees
  --conserver               mode durable : messages, avis de non-remise, transmissions, journal, états des
                            patients et changements de l'espace de confiance écrits sur disque (dans
                            --data-dir) avant chaque réponse 250, et relus au démarrage
  --compactage-journal MIO  avec --conserver, réécrire le journal sans les messages effacés pendant que le
                            simulateur tourne dès que leurs enregistrements dépassent MIO mébioctets et
                            la moitié du journal (défaut : ${DEFAULT_MINIMUM_BYTES / MEBIBYTE})
  --strict                  refuser dès RCPT au lieu d'envoyer un avis de non-remise asynchrone
  --no-password-auth        n'accepter que XOAUTH2 (comme un opérateur strict)
  --endpoints-file FICHIER  écrire, une fois tout prêt, les points d'accès en JSON
  --tls-profile PROFIL      certificat serveur : valid (défaut), expired, wrong-name, untrusted, self-signed
                            (les profils négatifs vérifient qu'un client refuse un mauvais certificat)
  --no-journal              ne pas conserver les transcriptions SMTP et IMAP (bancs de charge)
  --jeton JETON             hors boucle locale (--host), jeton exigé pour toute requête HTTP, lectures
                            comprises, sauf l'interface web, /ca.crt et la découverte OpenID Connect
                            (en-tête Authorization: Bearer) ; sans cette option, un jeton est tiré au
                            hasard et affiché au démarrage
  --exiger-jeton            exiger le jeton même sur la boucle locale (machine partagée)
  --lecture-publique        hors boucle locale, ouvrir les lectures (GET) sans jeton : messages des
                            patients, journal, clés privées des certificats clients deviennent lisibles
                            par tout le réseau ; les actions exigent toujours le jeton
  --nom-hote NOM            nom supplémentaire accepté dans l'en-tête Host (répétable), par exemple le
                            nom DNS ou le nom de service Docker sous lequel on joint le simulateur ;
                            tout autre nom reçoit 421 (protection contre le « DNS rebinding »)
  --annoncer-hote NOM       nom annoncé aux clients à la place de l'adresse d'écoute (fichier des points
                            d'accès, bannière, autoconfiguration), par exemple le nom de service Docker
                            quand le client est dans un autre conteneur ; accepté aussi dans l'en-tête Host
  --max-messages N          messages conservés au plus (défaut : ${DEFAULT_MAX_MESSAGES}) ; au-delà, les plus anciens
                            sont effacés (copies, transmissions, dossiers IMAP) et comptés dans /api/stats
  -h, --help                cette aide
  -V, --version             version du simulateur`;

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65535) throw new UsageError(`--${name} attend un numéro de port entre 0 et 65535, reçu « ${value} ».`);
  return parsed;
}

function maxMessages(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_MESSAGES;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || !Number.isSafeInteger(parsed)) throw new UsageError(`--max-messages attend un nombre entier de messages, au moins 1, reçu « ${value} ».`);
  return parsed;
}

function compactionBytes(value: string | undefined, durable: boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 1024 * 1024) throw new UsageError(`--compactage-journal attend un nombre entier de mébioctets, de 1 à 1048576, reçu « ${value} ».`);
  if (!durable) throw new UsageError('--compactage-journal ne sert qu\'avec --conserver : sans lui, rien n\'est écrit sur disque.');
  return parsed * MEBIBYTE;
}

function tlsProfile(value: string | undefined): ServerTlsProfile {
  if (value === undefined) return 'valid';
  if (!isServerTlsProfile(value)) throw new UsageError(`--tls-profile attend l'un de ${SERVER_TLS_PROFILES.join(', ')}, reçu « ${value} ».`);
  return value;
}

function actionToken(value: string): string {
  // RFC 6750 §2.1 b64token, at least 16 characters so that it is not guessed.
  if (!/^[A-Za-z0-9\-._~+/]{16,}=*$/.test(value)) throw new UsageError(`--jeton attend au moins 16 caractères parmi lettres, chiffres et - . _ ~ + /, reçu « ${value} ».`);
  return value;
}

function hostNameOption(value: string, option = 'nom-hote'): string {
  if (!isHostName(value)) throw new UsageError(`--${option} attend un nom d'hôte ou une adresse IP sans port, reçu « ${value} ».`);
  return value;
}

/** `start --help` and `start --version` answer instead of starting. */
export function startInfoRequest(args: readonly string[]): 'help' | 'version' | undefined {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  if (args.includes('--version') || args.includes('-V')) return 'version';
  return undefined;
}

export function parseStartOptions(args: readonly string[]): StartOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      options: {
        fixtures: { type: 'string' },
        host: { type: 'string' },
        'submission-port': { type: 'string' },
        'peer-port': { type: 'string' },
        'imap-port': { type: 'string' },
        'imaps-port': { type: 'string' },
        'tls-profile': { type: 'string' },
        'http-port': { type: 'string' },
        'data-dir': { type: 'string' },
        'dossier-donnees': { type: 'string' },
        conserver: { type: 'boolean' },
        strict: { type: 'boolean' },
        'no-password-auth': { type: 'boolean' },
        'endpoints-file': { type: 'string' },
        'no-journal': { type: 'boolean' },
        jeton: { type: 'string' },
        'exiger-jeton': { type: 'boolean' },
        'lecture-publique': { type: 'boolean' },
        'nom-hote': { type: 'string', multiple: true },
        'annoncer-hote': { type: 'string' },
        'max-messages': { type: 'string' },
        'compactage-journal': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${frenchParseError(error)}\n${START_USAGE}`);
  }
  const v = parsed.values;
  const compaction = compactionBytes(v['compactage-journal'], v.conserver ?? false);
  return {
    ...(v.fixtures ? { fixturesDir: v.fixtures } : {}),
    host: v.host ?? START_DEFAULTS.host,
    submissionPort: port('submission-port', v['submission-port'], START_DEFAULTS.submissionPort),
    peerPort: port('peer-port', v['peer-port'], START_DEFAULTS.peerPort),
    imapPort: port('imap-port', v['imap-port'], START_DEFAULTS.imapPort),
    imapsPort: port('imaps-port', v['imaps-port'], START_DEFAULTS.imapsPort),
    httpPort: port('http-port', v['http-port'], START_DEFAULTS.httpPort),
    dataDir: v['data-dir'] ?? v['dossier-donnees'] ?? START_DEFAULTS.dataDir,
    strictRecipients: v.strict ?? false,
    passwordAuth: !(v['no-password-auth'] ?? false),
    ...(v['endpoints-file'] ? { endpointsFile: v['endpoints-file'] } : {}),
    journal: !(v['no-journal'] ?? false),
    tlsProfile: tlsProfile(v['tls-profile']),
    ...(v.jeton !== undefined ? { actionToken: actionToken(v.jeton) } : {}),
    requireToken: v['exiger-jeton'] ?? false,
    publicReads: v['lecture-publique'] ?? false,
    hostNames: (v['nom-hote'] ?? []).map((name) => hostNameOption(name)),
    ...(v['annoncer-hote'] !== undefined ? { announcedHost: hostNameOption(v['annoncer-hote'], 'annoncer-hote') } : {}),
    maxMessages: maxMessages(v['max-messages']),
    durable: v.conserver ?? false,
    ...(compaction !== undefined ? { durableCompactionBytes: compaction } : {}),
  };
}
