// The JSON of the Mon espace santé app routes, as the page reads it: the server's own types
// (types only, no server code in the bundle).
export type { AppConversation, AttachedDocument, AppDocument, AppMessage, FoundPharmacy, PatientAppView, PatientScreen, ReadableMessage, Recipient } from '../../../patient-app/patient-app-types.ts';
