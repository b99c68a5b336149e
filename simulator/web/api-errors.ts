// The catalogue of every error the control API answers with (one place, like the SMTP reply
// catalogue, REG-DEC-07). Messages in French: they state the fact, then the fix.
import { ApiError } from './api-error.ts';

export interface BodyProblem {
  /** JSON Pointer into the request body (`''` for the body itself). */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

export interface JsonSyntaxDetails {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly detail: string;
}

export interface JsonDepthDetails {
  readonly limit: number;
  readonly pointer: string;
  readonly position: number;
  readonly line: number;
  readonly column: number;
}

export interface RefusalDetails {
  readonly code: string;
  readonly message: string;
}

const ROUTES_HINT = 'la liste des routes est dans /api/openapi.json';

export const apiErrors = {
  routeNotFound: (method: string, path: string) =>
    new ApiError(404, 'MSS_SIM_API_ROUTE_NOT_FOUND', `Aucune route ne correspond à ${method} ${path} : ${ROUTES_HINT}.`),
  methodNotAllowed: (method: string, path: string, allowed: readonly string[]) =>
    new ApiError(405, 'MSS_SIM_API_METHOD_NOT_ALLOWED', `La méthode ${method} n'est pas acceptée sur ${path} : utilisez ${allowed.join(', ')}.`, { allowed }, { Allow: allowed.join(', ') }),
  badPathEncoding: (path: string) =>
    new ApiError(400, 'MSS_SIM_API_BAD_PATH_ENCODING', `Le chemin ${path} contient un encodage pourcent invalide : encodez chaque segment avec encodeURIComponent.`),
  /** 421 Misdirected Request (RFC 9110 §15.5.20): this server does not answer for that name. */
  hostNotAllowed: (host: string | undefined, allowed: readonly string[]) =>
    new ApiError(
      421,
      'MSS_SIM_API_HOST_NOT_ALLOWED',
      `Nom d'hôte ${host === undefined ? 'absent' : `« ${host} »`} refusé : le simulateur ne répond qu'aux noms sous lesquels il écoute (${allowed.join(', ')}), ce qui empêche une page d'un autre site de le piloter par « DNS rebinding ». Pour l'atteindre sous un autre nom, démarrez-le avec --nom-hote <nom>.`,
      { allowed },
    ),
  severalHosts: (hosts: readonly string[]) =>
    new ApiError(
      400,
      'MSS_SIM_API_HOST_REPEATED',
      `Requête refusée : elle porte ${hosts.length} en-têtes Host (${hosts.map((host) => `« ${host} »`).join(', ')}) ; une requête HTTP n'en porte qu'un seul (RFC 9112 §3.2). Corrigez le client ou le mandataire qui l'ajoute.`,
      { hosts },
    ),
  /** Answered from the HTTP parser's `clientError` (client-error.ts): no route ran. */
  headersTooLarge: (limitBytes: number) =>
    new ApiError(431, 'MSS_SIM_API_HEADERS_TOO_LARGE', `Ligne de requête et en-têtes trop volumineux : ${limitBytes} octets au plus à eux tous. Raccourcissez l'URL (ses paramètres de recherche) ou les en-têtes.`, { limitBytes }),
  malformedRequest: (parserCode: string, reason: string | undefined) =>
    new ApiError(
      400,
      'MSS_SIM_API_MALFORMED_REQUEST',
      `Requête HTTP mal formée, refusée avant toute route (${parserCode}${reason ? ` : ${reason}` : ''}) : vérifiez la ligne de requête, les en-têtes « Nom: valeur » et la longueur annoncée du corps (RFC 9112).`,
      { parserCode, ...(reason ? { reason } : {}) },
    ),
  requestTimeout: () =>
    new ApiError(408, 'MSS_SIM_API_REQUEST_TIMEOUT', "Requête reçue trop lentement : ses en-têtes ou son corps ne sont pas arrivés à temps. Envoyez-la d'un seul tenant."),
  crossOrigin: (origin: string) =>
    new ApiError(403, 'MSS_SIM_API_CROSS_ORIGIN', `Requête venant d'une autre origine (${origin}) refusée : l'API de pilotage ne se modifie que depuis sa propre origine ou hors navigateur.`),
  bodyTooLarge: (limitBytes: number) =>
    new ApiError(413, 'MSS_SIM_API_BODY_TOO_LARGE', `Corps de requête trop volumineux : la limite est de ${limitBytes} octets.`, { limitBytes }),
  unsupportedMediaType: (contentType: string) =>
    new ApiError(415, 'MSS_SIM_API_UNSUPPORTED_MEDIA_TYPE', `Type de contenu « ${contentType} » non accepté : envoyez du JSON avec l'en-tête Content-Type: application/json.`),
  emptyBody: () =>
    new ApiError(400, 'MSS_SIM_API_EMPTY_BODY', 'Corps de requête vide : envoyez un objet JSON (voir /api/openapi.json).'),
  bodyNotUtf8: (byteOffset: number) =>
    new ApiError(400, 'MSS_SIM_API_BODY_NOT_UTF8', `Le corps de la requête n'est pas encodé en UTF-8 (séquence invalide à l'octet ${byteOffset}) : le JSON doit l'être (RFC 8259 §8.1).`, { byteOffset }),
  malformedJson: (syntax: JsonSyntaxDetails) =>
    new ApiError(400, 'MSS_SIM_API_MALFORMED_JSON', `JSON mal formé à la ligne ${syntax.line}, colonne ${syntax.column} (position ${syntax.position}) : ${syntax.detail}.`, { position: syntax.position, line: syntax.line, column: syntax.column, detail: syntax.detail }),
  jsonTooDeep: (deep: JsonDepthDetails) =>
    new ApiError(
      400,
      'MSS_SIM_API_JSON_TOO_DEEP',
      `JSON trop imbriqué : plus de ${deep.limit} niveaux d'objets et de tableaux en ${deep.pointer || '/'} (ligne ${deep.line}, colonne ${deep.column}, position ${deep.position}) : aplatissez la structure, aucun corps de l'API n'en demande autant.`,
      { limit: deep.limit, pointer: deep.pointer, position: deep.position, line: deep.line, column: deep.column },
    ),
  invalidBody: (problems: readonly BodyProblem[]) =>
    new ApiError(400, 'MSS_SIM_API_INVALID_BODY', `Corps de requête invalide : ${problems.length} problème${problems.length > 1 ? 's' : ''}`, { problems }),
  invalidAddress: (address: string) =>
    new ApiError(400, 'MSS_SIM_API_INVALID_ADDRESS', `« ${address} » n'est pas une adresse de messagerie : donnez une adresse nue, par exemple nom@domaine.mssante.fr.`),
  invalidQuery: (name: string, value: string, allowed: readonly string[]) =>
    new ApiError(400, 'MSS_SIM_API_INVALID_QUERY', `Valeur « ${value} » invalide pour le paramètre ${name} : valeurs possibles ${allowed.join(', ')}.`, { parameter: name, allowed }),
  invalidIns: (ins: string) =>
    new ApiError(400, 'MSS_SIM_API_INVALID_INS', `« ${ins} » n'est pas un matricule INS valide : 15 caractères (13 + clé de 2 chiffres), clé = 97 − (N mod 97).`),
  unknownMessage: (id: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_MESSAGE', `Aucun message d'identifiant « ${id} » : les identifiants (m-000001…) figurent dans GET /api/mailboxes/{adresse}/messages.`),
  unknownTransmission: (id: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_TRANSMISSION', `Aucune transmission d'identifiant « ${id} » : les identifiants (t-000001…) figurent dans GET /api/transmissions.`),
  unknownConnection: (id: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_CONNECTION', `Aucune connexion « ${id} » dans le journal : la liste est dans GET /api/journal.`),
  unknownPatient: (ins: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_PATIENT', `Aucun patient de matricule INS « ${ins} » dans l'espace de confiance simulé : la liste est dans GET /api/trust-space.`),
  unknownDocument: (id: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_DOCUMENT', `Aucun document « ${id} » dans le profil Mon espace santé de ce patient : la liste est dans GET /api/patient-app/{ins}.`),
  webmailUnreachable: (address: string, detail: string) =>
    new ApiError(502, 'MSS_SIM_API_WEBMAIL_UNREACHABLE', `La messagerie web n'a pas pu ouvrir la boîte « ${address} » sur les serveurs SMTP et IMAP du simulateur : ${detail}`),
  webmailApplicativeMailbox: (address: string) =>
    new ApiError(409, 'MSS_SIM_API_WEBMAIL_APPLICATIVE_MAILBOX', `« ${address} » est une boîte applicative (APP) : elle appartient à un logiciel qui se connecte avec son certificat client (SC.MSS/CONF.12), pas à une personne ; la messagerie web ne l'ouvre pas.`),
  unknownMailbox: (address: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_MAILBOX', `Aucune boîte aux lettres « ${address} » dans l'espace de confiance simulé : la liste est dans GET /api/trust-space.`),
  unknownSchema: (name: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_SCHEMA', `Aucun schéma « ${name} » : ${ROUTES_HINT}.`),
  /** A patient action Mon espace santé refuses: the expected outcome of a forbidden action (REG-MES-04). */
  patientRefusal: (refusal: RefusalDetails) =>
    new ApiError(403, `MSS_SIM_MES_${refusal.code.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`, refusal.message, { refusal: { code: refusal.code, message: refusal.message } }),
  internal: () =>
    new ApiError(500, 'MSS_SIM_INTERNAL', 'Erreur interne du simulateur : le détail est dans la console du simulateur ; merci de signaler ce bogue.'),
} as const;
