// Why the trust space could not deliver to a recipient, and what the avis de non-remise says.
// Sentences and statuses: REG-ANR-03 (patient domain: the pharmacists' guide's sentences,
// statuses are our decisions; unknown professional mailbox: decision, REG-ANR-06).

export type BounceReason =
  | 'patient-no-profile'
  | 'patient-opposed'
  | 'patient-closed'
  | 'patient-invalid-address'
  | 'patient-too-large'
  | 'unknown-mailbox';

export interface BounceDescription {
  /** RFC 3463 enhanced status code carried in `Status:` of the DSN. */
  readonly status: string;
  /** Subject of the bounce message. */
  readonly subject: string;
  /** Human-readable French sentence of the first MIME part, with the address substituted. */
  sentence(address: string): string;
}

const UNDELIVERED = 'Message non distribué'; // REG-ANR-03
const prefix = (address: string) => `Le message que vous avez envoyé à l'adresse « ${address} » n'a pas pu être distribué, car`;

export const BOUNCE_REASONS: Readonly<Record<BounceReason, BounceDescription>> = {
  // REG-ANR-03: opposed and "no profile at all" share the guide's "n'existe pas" sentence.
  'patient-no-profile': { status: '5.1.1', subject: UNDELIVERED, sentence: (a) => `${prefix(a)} cette adresse Mon espace santé n'existe pas.` },
  'patient-opposed': { status: '5.1.1', subject: UNDELIVERED, sentence: (a) => `${prefix(a)} cette adresse Mon espace santé n'existe pas.` },
  'patient-closed': {
    status: '5.2.1',
    subject: UNDELIVERED,
    sentence: (a) => `${prefix(a)} la messagerie Mon espace santé de votre destinataire est clôturée.`,
  },
  'patient-invalid-address': { status: '5.1.3', subject: UNDELIVERED, sentence: (a) => `${prefix(a)} cette adresse Mon espace santé est invalide.` },
  // REG-ANR-04: over 25 Mo, the Postfix-style English subject; sentence is our decision.
  'patient-too-large': {
    status: '5.3.4',
    subject: 'Undelivered Mail Returned to Sender',
    sentence: (a) => `${prefix(a)} sa taille dépasse la limite de 25 Mo acceptée par Mon espace santé.`,
  },
  // REG-ANR-06 (decision): unknown mailbox on a whitelisted simulated domain.
  'unknown-mailbox': { status: '5.1.1', subject: UNDELIVERED, sentence: (a) => `${prefix(a)} cette boîte aux lettres MSSanté n'existe pas.` },
};
