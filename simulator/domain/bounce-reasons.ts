// Why the trust space could not deliver to a recipient, and everything said about it: THE one
// table of failure reasons, keyed by a stable code. Each row holds the RFC 3463 status of the
// DSN, the bounce's subject, the French sentence of its human-readable part, the ASCII
// `Diagnostic-Code` (RFC 3464 §2.3.6), the text of the strict-mode RCPT refusal and the short
// label the web UI shows. Pure (no Node modules): the browser code of the UI imports it too.
// Sentences and statuses: REG-ANR-03 (patient domain: the pharmacists' guide's sentences,
// statuses are our decisions; unknown professional mailbox: decision, REG-ANR-06).

export type BounceReason =
  | 'patient-no-profile'
  | 'patient-opposed'
  | 'patient-closed'
  | 'patient-invalid-address'
  | 'patient-too-large'
  | 'unknown-mailbox';

/** Every reason a recipient can fail for: the bounce reasons, and a domain outside the whitelist. */
export type FailureReason = BounceReason | 'outside-trust-space';

export interface BounceDescription {
  /** RFC 3463 enhanced status code carried in `Status:` of the DSN. */
  readonly status: string;
  /** Subject of the bounce message. */
  readonly subject: string;
  /** The cause, French: what follows « car » in the sentence. */
  readonly cause: string;
  /** What the web UI shows in a flow row: « car » and the cause. */
  readonly label: string;
  /** Human-readable French sentence of the first MIME part, with the address substituted. */
  sentence(address: string): string;
  /** Reply code and short ASCII text of the DSN's `Diagnostic-Code: smtp;` (RFC 3464 §2.3.6). */
  readonly diagnostic: { readonly code: number; readonly text: string };
}

export interface StrictRefusalDescription extends BounceDescription {
  /** Strict mode: the short French text of the RCPT refusal that replaces the bounce (the reply fits 80 columns). */
  readonly refusal: string;
  /** The same refusal explained in full, for the journal and the live flow. */
  readonly refusalDetail: string;
}

const UNDELIVERED = 'Message non distribué'; // REG-ANR-03
const SENTENCE_START = "Le message que vous avez envoyé à l'adresse « ";
const SENTENCE_MIDDLE = " » n'a pas pu être distribué, car ";

function row(status: string, subject: string, cause: string, code: number, text: string): BounceDescription {
  return { status, subject, cause, label: `car ${cause}`, sentence: (address) => `${SENTENCE_START}${address}${SENTENCE_MIDDLE}${cause}`, diagnostic: { code, text } };
}

/** The six reasons a message bounces (or, in strict mode, is refused at RCPT). */
export const BOUNCE_REASONS: Readonly<Record<BounceReason, StrictRefusalDescription>> = {
  // REG-ANR-03: opposed and "no profile at all" share the guide's "n'existe pas" sentence.
  'patient-no-profile': {
    ...row('5.1.1', UNDELIVERED, "cette adresse Mon espace santé n'existe pas.", 550, 'Mon espace sante: mailbox does not exist'),
    refusal: "cette adresse Mon espace santé n'existe pas",
    refusalDetail: "cette adresse Mon espace santé n'existe pas (pas de profil Mon espace santé)",
  },
  'patient-opposed': {
    ...row('5.1.1', UNDELIVERED, "cette adresse Mon espace santé n'existe pas.", 550, 'Mon espace sante: mailbox does not exist'),
    refusal: "cette adresse Mon espace santé n'existe pas",
    refusalDetail: "cette adresse Mon espace santé n'existe pas (le patient s'est opposé à Mon espace santé)",
  },
  'patient-closed': {
    ...row('5.2.1', UNDELIVERED, 'la messagerie Mon espace santé de votre destinataire est clôturée.', 550, 'Mon espace sante: mailbox closed'),
    refusal: 'messagerie Mon espace santé clôturée',
    refusalDetail: 'la messagerie Mon espace santé de ce destinataire est clôturée',
  },
  'patient-invalid-address': {
    ...row('5.1.3', UNDELIVERED, 'cette adresse Mon espace santé est invalide.', 553, 'Mon espace sante: invalid INS address'),
    refusal: 'adresse Mon espace santé invalide',
    refusalDetail: 'cette adresse Mon espace santé est invalide (matricule INS de 15 caractères, clé comprise)',
  },
  // REG-ANR-04: over 25 Mo, the Postfix-style English subject; the sentence is our decision.
  'patient-too-large': {
    ...row('5.3.4', 'Undelivered Mail Returned to Sender', 'sa taille dépasse la limite de 25 Mo acceptée par Mon espace santé.', 552, 'Mon espace sante: message exceeds 25 Mo'),
    refusal: 'message de plus de 25 Mo (Mon espace santé)',
    refusalDetail: 'le message dépasse la limite de 25 Mo de Mon espace santé',
  },
  // Decision: unknown mailbox on a whitelisted simulated domain.
  'unknown-mailbox': {
    ...row('5.1.1', UNDELIVERED, "cette boîte aux lettres MSSanté n'existe pas.", 550, 'MSSante: mailbox unknown'),
    refusal: "cette boîte aux lettres MSSanté n'existe pas",
    refusalDetail: "cette boîte aux lettres MSSanté n'existe pas dans l'annuaire du simulateur",
  },
};

/** Every failure reason: the bounce reasons, and a domain outside the trust space (refused at RCPT on submission; bounced when routed). */
export const FAILURE_REASONS: Readonly<Record<FailureReason, BounceDescription>> = {
  ...BOUNCE_REASONS,
  'outside-trust-space': row('5.7.1', UNDELIVERED, "ce domaine n'appartient pas à l'espace de confiance MSSanté.", 550, 'MSSante: domain outside the trust space'),
};

/**
 * The UI's short label of a bounce sentence: the label of the row whose sentence it is (whatever
 * the address); any other text is kept whole.
 */
export function bounceReasonLabel(sentence: string): string {
  if (!sentence.startsWith(SENTENCE_START)) return sentence;
  const described = Object.values(FAILURE_REASONS).find((reason) => sentence.endsWith(`${SENTENCE_MIDDLE}${reason.cause}`));
  return described ? described.label : sentence;
}
