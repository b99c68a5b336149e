// Errors of the authentication routes of the control API (PSC sessions, client certificates,
// tokens), in the style of the catalogue api-errors.ts (stable codes, French messages: the fact,
// then what to do). Kept apart while api-errors.ts is edited elsewhere; may be merged into it.
import { ApiError } from '../api-error.ts';

export const authApiErrors = {
  unknownPscSession: (sessionId: string) =>
    new ApiError(404, 'MSS_SIM_API_UNKNOWN_PSC_SESSION', `Session Pro Santé Connect « ${sessionId} » inconnue : la liste est dans GET /api/psc/sessions.`),
  notAppMailbox: (address: string, type: string) =>
    new ApiError(409, 'MSS_SIM_API_NOT_APP_MAILBOX', `La boîte « ${address} » est de type ${type} : seules les boîtes applicatives (APP) ont un certificat client ; les autres s'authentifient par XOAUTH2 (SC.MSS/CONF.07).`),
  appMailboxToken: (address: string) =>
    new ApiError(409, 'MSS_SIM_API_APP_MAILBOX_TOKEN', `« ${address} » est une boîte applicative : pas de jeton Pro Santé Connect, utilisez son certificat client (GET /api/pki/client-certificates/${address}) puis AUTH PLAIN (SC.MSS/CONF.12).`),
};
