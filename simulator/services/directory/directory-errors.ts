// The catalogue of every error of the simulated Annuaire Santé FHIR API (one place, like the
// SMTP reply catalogue, REG-DEC-07). Diagnostics in French: the fact, then the fix. HAPI message
// numbers are kept where the real server (HAPI FHIR, REG-ANN-01) has one.
import { DirectoryRequestError } from './directory-request-error.ts';
import type { ResourceType } from './fhir-vocabulary.ts';

const list = (items: readonly string[]) => items.join(', ');

export const directoryErrors = {
  missingApiKey: () =>
    new DirectoryRequestError(401, 'MSS_SIM_DIRECTORY_API_KEY_MISSING', 'login', "En-tête ESANTE-API-KEY absent : ajoutez la clé d'API du simulateur à chaque requête (voir le README)."),
  wrongApiKey: () =>
    new DirectoryRequestError(401, 'MSS_SIM_DIRECTORY_API_KEY_REFUSED', 'login', "Clé d'API ESANTE-API-KEY refusée : utilisez la clé configurée dans le simulateur (voir le README)."),
  unavailable: () =>
    new DirectoryRequestError(503, 'MSS_SIM_DIRECTORY_UNAVAILABLE', 'transient', "L'Annuaire Santé est indisponible (panne simulée) : réessayez plus tard."),
  unknownResourceType: (type: string, known: readonly string[]) =>
    new DirectoryRequestError(404, 'MSS_SIM_DIRECTORY_UNKNOWN_RESOURCE_TYPE', 'not-found', `HAPI-0302: Type de ressource inconnu : « ${type} ». Types servis par le simulateur : ${list(known)}.`),
  unknownResource: (type: ResourceType, id: string) =>
    new DirectoryRequestError(404, 'MSS_SIM_DIRECTORY_UNKNOWN_RESOURCE', 'not-found', `HAPI-2001: La ressource ${type}/${id} est introuvable : cherchez-la d'abord (par exemple par identifier).`),
  methodNotAllowed: (method: string) =>
    new DirectoryRequestError(405, 'MSS_SIM_DIRECTORY_METHOD_NOT_ALLOWED', 'not-supported', `HAPI-0460: La méthode ${method} n'est pas acceptée : l'API Annuaire Santé est en lecture seule (GET, ou POST sur _search).`),
  unknownParameter: (type: ResourceType, name: string, valid: readonly string[]) =>
    new DirectoryRequestError(400, 'MSS_SIM_DIRECTORY_UNKNOWN_PARAMETER', 'invalid', `HAPI-0524: Paramètre de recherche inconnu « ${name} » pour ${type}. Paramètres valides : ${list(valid)}.`),
  unsupportedModifier: (name: string, modifier: string, allowed: readonly string[]) =>
    new DirectoryRequestError(400, 'MSS_SIM_DIRECTORY_UNSUPPORTED_MODIFIER', 'invalid', `Modificateur « :${modifier} » non pris en charge pour ${name}${allowed.length > 0 ? ` : utilisez ${list(allowed.map((m) => `:${m}`))} ou aucun` : ' : retirez-le'}.`),
  invalidValue: (name: string, value: string, expected: string) =>
    new DirectoryRequestError(400, 'MSS_SIM_DIRECTORY_INVALID_VALUE', 'invalid', `Valeur « ${shorten(value)} » invalide pour ${name} : ${expected}.`),
  valueTooLong: (name: string, length: number, limit: number) =>
    new DirectoryRequestError(400, 'MSS_SIM_DIRECTORY_VALUE_TOO_LONG', 'too-costly', `La valeur de ${name} fait ${length} caractères : la limite est de ${limit}.`),
  tooManyParameters: (count: number, limit: number) =>
    new DirectoryRequestError(400, 'MSS_SIM_DIRECTORY_TOO_MANY_PARAMETERS', 'too-costly', `${count} paramètres de recherche : la limite est de ${limit}.`),
  countTooLarge: (count: string, limit: number) =>
    new DirectoryRequestError(400, 'MSS_SIM_DIRECTORY_COUNT_TOO_LARGE', 'too-costly', `_count=${shorten(count)} dépasse la taille de page maximale (${limit}) : demandez au plus ${limit} résultats et suivez le lien « next ».`),
  unsupportedInclude: (parameter: string, value: string, allowed: readonly string[]) =>
    new DirectoryRequestError(400, 'MSS_SIM_DIRECTORY_UNSUPPORTED_INCLUDE', 'invalid', `${parameter}=${shorten(value)} n'est pas pris en charge ici${allowed.length > 0 ? ` : valeurs possibles ${list(allowed)}` : ''}.`),
  unsupportedFormat: (format: string) =>
    new DirectoryRequestError(406, 'MSS_SIM_DIRECTORY_UNSUPPORTED_FORMAT', 'not-supported', `Format « ${shorten(format)} » non servi : le simulateur répond en JSON (application/fhir+json).`),
  unsupportedMediaType: (contentType: string) =>
    new DirectoryRequestError(415, 'MSS_SIM_DIRECTORY_UNSUPPORTED_MEDIA_TYPE', 'invalid', `Corps de type « ${shorten(contentType)} » refusé sur _search : envoyez application/x-www-form-urlencoded.`),
  malformedBody: (detail: string) =>
    new DirectoryRequestError(400, 'MSS_SIM_DIRECTORY_MALFORMED_BODY', 'invalid', `Corps de _search illisible : ${detail}.`),
  bodyTooLarge: (limit: number) =>
    new DirectoryRequestError(413, 'MSS_SIM_DIRECTORY_BODY_TOO_LARGE', 'too-costly', `Corps de _search trop volumineux : la limite est de ${limit} octets.`),
  internal: () =>
    new DirectoryRequestError(500, 'MSS_SIM_DIRECTORY_INTERNAL', 'exception', 'Erreur interne du simulateur : le détail est dans sa console ; merci de signaler ce bogue.'),
} as const;

/** Long or hostile values are shortened before they are echoed in diagnostics. */
function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
