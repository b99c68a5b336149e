// Why the simulated Mon espace santé refuses a patient's reply or new message
// (REG-MES-04). One table: stable codes for scenarios and the journal, French texts addressed to
// the patient, as a trainer shows them in a demo. Two texts are the Mon espace santé app's own wording.

export type PatientRefusalCode =
  | 'conversation-closed'
  | 'message-not-replyable'
  | 'pharmacy-not-frequented'
  | 'nominative-mailbox-not-in-contact'
  | 'not-a-pharmacy-organisational-mailbox'
  | 'unknown-mailbox'
  | 'recipient-is-a-patient'
  | 'outside-trust-space'
  | 'unknown-message'
  | 'patient-profile-not-active'
  | 'unknown-patient';

export interface PatientRefusal {
  readonly code: PatientRefusalCode;
  /** French, for the patient (and the trainer's audience). */
  readonly text: string;
}

/** What a text may mention: the counterpart's display name, the address written to, the INS. */
export interface RefusalContext {
  readonly name?: string;
  readonly address?: string;
  readonly ins?: string;
}

const quoted = (value: string | undefined) => (value === undefined ? 'ce destinataire' : `« ${value} »`);
const nameOf = (context: RefusalContext) => context.name ?? context.address ?? 'Ce professionnel';
const ONLY_CONTACTS = 'vous pouvez uniquement écrire aux professionnels qui vous ont déjà écrit et qui n\'ont pas mis fin aux échanges, ou aux pharmacies que vous fréquentez';

const TEXTS: Readonly<Record<PatientRefusalCode, (context: RefusalContext) => string>> = {
  // REG-MES-04: the app's banner « <Nom> a mis fin à vos échanges. »
  'conversation-closed': (c) => `${nameOf(c)} a mis fin à vos échanges : vous ne pouvez plus lui répondre.`,
  // REG-MES-04, REG-FIN-02: exact app wording for a message sent with X-MSS-MES: FIN.
  'message-not-replyable': () => 'Ce message n\'autorise pas la réponse.',
  'pharmacy-not-frequented': (c) => `Vous ne pouvez écrire qu'aux pharmacies que vous avez déjà fréquentées : ${c.name ?? quoted(c.address)} n'en fait pas partie.`,
  'nominative-mailbox-not-in-contact': (c) => `${nameOf(c)} ne vous a pas écrit, ou a mis fin à vos échanges : ${ONLY_CONTACTS}.`,
  'not-a-pharmacy-organisational-mailbox': (c) => `${quoted(c.address)} n'est pas la messagerie organisationnelle d'une pharmacie : ${ONLY_CONTACTS}.`,
  'unknown-mailbox': (c) => `${quoted(c.address)} ne correspond à aucune messagerie MSSanté connue : ${ONLY_CONTACTS}.`,
  'recipient-is-a-patient': (c) => `${quoted(c.address)} est l'adresse Mon espace santé d'un patient : un patient ne peut pas écrire à un autre patient.`,
  'outside-trust-space': (c) => `${quoted(c.address)} n'appartient pas à l'espace de confiance MSSanté : Mon espace santé ne peut pas y envoyer de message.`,
  'unknown-message': () => 'Ce message est introuvable dans votre messagerie Mon espace santé : impossible d\'y répondre.',
  'patient-profile-not-active': () => 'Votre messagerie Mon espace santé n\'est pas active : vous ne pouvez ni écrire ni répondre.',
  'unknown-patient': (c) => `Aucun profil Mon espace santé ne correspond au matricule INS ${quoted(c.ins)}.`,
};

export function patientRefusal(code: PatientRefusalCode, context: RefusalContext = {}): PatientRefusal {
  return { code, text: TEXTS[code](context) };
}

/** Every code, for catalogues and tests. */
export const PATIENT_REFUSAL_CODES = Object.keys(TEXTS) as PatientRefusalCode[];
