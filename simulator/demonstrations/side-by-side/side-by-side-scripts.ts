// The guided demonstrations as the side by side page plays them (REG-OFF): each step is an
// action a person does in the professional webmail or in the patient's Mon espace santé app,
// performed through their real screens. A step either reuses the title and narration of a
// catalogue step (`sameAs`, its index in the demonstration of the same id, served by GET
// /api/demonstrations) or carries its own when the screens show it differently. Pure data, no
// import: the browser bundle reads it as it is.

export type SideBySideAction =
  /** Webmail: « Nouveau message », a patient of the file chosen, subject and text typed, « Envoyer ». */
  | { readonly kind: 'webmail-write-to-patient'; readonly ins: string; readonly subject: string; readonly text: string }
  /** Webmail: the received message whose subject contains `about` opened, « Répondre » (or « Terminer l'échange » when `end`), text typed, sent. */
  | { readonly kind: 'webmail-reply'; readonly about: string; readonly text: string; readonly end?: boolean }
  /** Webmail: the « Avis de non-remise » folder and its latest bounce opened. */
  | { readonly kind: 'webmail-open-bounce' }
  /** App: « Nouveau message » opened, the recipients she is offered shown. */
  | { readonly kind: 'app-recipients' }
  /** App: the three steps, a document (title starts with `document`), a pharmacy (proposed, or found by `search`), subject and text typed, « Envoyer ». */
  | { readonly kind: 'app-write'; readonly document?: string; readonly search?: string; readonly pharmacy: string; readonly subject: string; readonly text: string }
  /** App: the conversation with `counterpart` opened, the reply typed and sent. */
  | { readonly kind: 'app-reply'; readonly counterpart: string; readonly text: string }
  /** App: the conversation with `counterpart` opened, as she sees it. */
  | { readonly kind: 'app-open'; readonly counterpart: string };

export type SideBySideStep = (
  | { readonly sameAs: number }
  | { readonly title: string; readonly narration: string }
) & {
  /** The patient whose app is shown during this step, when not the script's. */
  readonly patient?: string;
  readonly action: SideBySideAction;
};

export interface SideBySideScript {
  /** The id of the catalogue demonstration it plays (GET /api/demonstrations). */
  readonly id: string;
  /** The webmail's mailbox and the app's patient (INS). */
  readonly mailbox: string;
  readonly patient: string;
  readonly steps: readonly SideBySideStep[];
}

const PHARMACY = 'pharmacie.duparc@pharmacien.mssante.fr';
const LOUISE = '284034912304586';
const REMINDER = 'Rappel : deuxième dose du vaccin';
const reminderText = (name: string) => `Bonjour ${name},\nla deuxième dose de votre vaccin est à prévoir ce mois-ci.\nPharmacie du Parc`;

export const SIDE_BY_SIDE_SCRIPTS: readonly SideBySideScript[] = [
  {
    id: 'ordonnance-patiente',
    mailbox: PHARMACY,
    patient: LOUISE,
    steps: [
      { sameAs: 0, action: { kind: 'app-recipients' } },
      {
        sameAs: 1,
        action: { kind: 'app-write', document: 'Ordonnance', search: '49990', pharmacy: 'Pharmacie du Parc', subject: 'Mon ordonnance', text: 'Bonjour,\nvoici mon ordonnance du Dr Rousseau. Je passerai demain.\nLouise Marchand' },
      },
      {
        title: "Une pharmacie qu'elle ne fréquente pas",
        narration: "Louise trouve aussi la Pharmacie des Tilleuls dans l'Annuaire Santé, mais elle n'y est jamais allée. Mon espace santé refuse : on n'écrit qu'aux pharmacies que l'on fréquente, et la pharmacie ne reçoit rien.",
        action: { kind: 'app-write', search: 'Pharmacie des', pharmacy: 'Pharmacie des Tilleuls', subject: 'Question', text: 'Bonjour, avez-vous mon traitement ?' },
      },
      { sameAs: 3, action: { kind: 'webmail-reply', about: 'Mon ordonnance', text: 'Bonjour Madame Marchand,\nvotre traitement sera prêt demain à partir de 9 h.\nCamille, Pharmacie du Parc' } },
    ],
  },
  {
    id: 'cloture-fin-reengagement',
    mailbox: PHARMACY,
    patient: LOUISE,
    steps: [
      { sameAs: 0, action: { kind: 'webmail-write-to-patient', ins: LOUISE, subject: 'Votre traitement est prêt', text: 'Bonjour Madame Marchand,\nvotre traitement est prêt.\nPharmacie du Parc' } },
      { sameAs: 1, action: { kind: 'app-reply', counterpart: 'Pharmacie du Parc', text: 'Merci, je passerai samedi matin.' } },
      { sameAs: 2, action: { kind: 'webmail-reply', about: 'Votre traitement est prêt', end: true, text: 'Bonne journée, à samedi.' } },
      {
        title: 'Louise ne peut plus répondre',
        narration: "Louise rouvre la conversation : Mon espace santé lui dit que la pharmacie a mis fin à l'échange, et le bouton « Répondre » ne fonctionne plus.",
        action: { kind: 'app-open', counterpart: 'Pharmacie du Parc' },
      },
      { sameAs: 4, action: { kind: 'app-write', document: 'Ordonnance', pharmacy: 'Pharmacie du Parc', subject: 'Nouvelle ordonnance', text: 'Bonjour,\nmon médecin a modifié mon traitement : voici la nouvelle ordonnance.' } },
    ],
  },
  {
    id: 'trois-avis-de-non-remise',
    mailbox: PHARMACY,
    patient: '152114908701235',
    steps: [
      { sameAs: 0, action: { kind: 'webmail-write-to-patient', ins: '152114908701235', subject: REMINDER, text: reminderText('Monsieur Lambert') } },
      { sameAs: 1, patient: '238067218103339', action: { kind: 'webmail-write-to-patient', ins: '238067218103339', subject: REMINDER, text: reminderText('Madame Caron') } },
      { sameAs: 2, patient: '101097505607845', action: { kind: 'webmail-write-to-patient', ins: '101097505607845', subject: REMINDER, text: reminderText('Monsieur Petit') } },
      { sameAs: 3, patient: '101097505607845', action: { kind: 'webmail-open-bounce' } },
    ],
  },
];
