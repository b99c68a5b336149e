// Errors of the web UI's API (live flow, event stream, demonstrations, operator
// console), in the style of the control API's catalogue (api-errors.ts): stable codes, French
// messages that state the fact, then the fix.
import { ApiError } from '../api-error.ts';

export const liveApiErrors = {
  invalidInteger: (name: string, value: string, max: number) =>
    new ApiError(400, 'MSS_SIM_API_INVALID_QUERY', `Valeur « ${value} » invalide pour le paramètre ${name} : un entier entre 0 et ${max} est attendu.`, { parameter: name }),
  tooManyStreams: (max: number) =>
    new ApiError(503, 'MSS_SIM_API_TOO_MANY_EVENT_STREAMS', `Trop de flux d'événements ouverts (${max} au plus) : fermez des onglets de l'interface web puis réessayez.`, {}, { 'Retry-After': '5' }),
  unknownDemonstration: (id: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_DEMONSTRATION', `Aucune démonstration « ${id} » : la liste est dans GET /api/demonstrations.`),
  unknownDemonstrationRun: (runId: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_DEMONSTRATION_RUN', `Aucune démonstration en cours d'identifiant « ${runId} » : lancez-en une avec POST /api/demonstrations/{id}/runs.`),
  demonstrationBusy: (runId: string, status: string) =>
    new ApiError(409, 'MSS_SIM_API_DEMONSTRATION_NOT_READY', `La démonstration ${runId} ne peut pas passer à l'étape suivante (état : ${status}) : attendez la fin de l'étape en cours, ou lancez une nouvelle démonstration.`, { status }),
  unknownPrompt: (id: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_PROMPT', `Aucune consigne ni question « ${id} » : la liste est dans GET /api/console/prompts.`),
  promptNotOpen: (id: string, why: string) =>
    new ApiError(409, 'MSS_SIM_API_PROMPT_NOT_OPEN', `Impossible de répondre à « ${id} » : ${why}.`),
  noReport: () => new ApiError(404, 'MSS_SIM_API_NO_REPORT', "Aucun rapport de conformité à montrer : aucune campagne avec le pilote manuel ne s'est terminée sur ce simulateur, ou son rapport a été déplacé."),
} as const;
