// A Mon espace santé conversation: one thread between one patient (matricule INS) and one
// professional counterpart address (REG-MES-05). Plain data; ConversationBook owns the rules.

export type ConversationState = 'open' | 'closed';

export type EntryDirection = 'to-patient' | 'from-patient';

export interface ConversationEntry {
  /** Store id of the message (the patient's copy for `to-patient`, the sent copy otherwise). */
  readonly storeId: string;
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly direction: EntryDirection;
  /** Normalised sender address (the professional's `From`, or the patient address). */
  readonly from: string;
  readonly subject?: string;
  /** The patient may reply to it (no `X-MSS-MES: FIN`). Always false for `from-patient`. */
  readonly replyable: boolean;
  readonly at: Date;
}

export interface Conversation {
  readonly id: string;
  /** Matricule INS, upper-case. */
  readonly patientIns: string;
  /** Normalised address the patient's replies go to (Reply-To honoured, REG-MES-05). */
  readonly counterpart: string;
  readonly state: ConversationState;
  readonly startedAt: Date;
  readonly closedAt?: Date;
  /** Store id of the `[FIN]` message that closed it. */
  readonly closedBy?: string;
  /** Normalised `From` of that `[FIN]` message. */
  readonly closedByAddress?: string;
  readonly entries: readonly ConversationEntry[];
}

/** A delivered professional → patient message, as routing hands it to ConversationBook. */
export interface ProfessionalMessage {
  readonly patientIns: string;
  readonly from: string;
  readonly replyTo: readonly string[];
  /** Subject after MIME decoding (RFC 2047). */
  readonly subject?: string;
  /** Value of the `X-MSS-MES` header, if any. */
  readonly xMssMes?: string;
  readonly storeId: string;
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly at: Date;
}

export interface ProfessionalMessageOutcome {
  readonly conversationId: string;
  readonly counterpart: string;
  /** A new conversation was started (no open one with that counterpart). */
  readonly started: boolean;
  /** This message (`[FIN]`) closed the conversation. */
  readonly closed: boolean;
  readonly replyable: boolean;
}

/** A patient message that checkPatientReply or checkPatientWrite allowed. */
export interface PatientMessage {
  readonly patientIns: string;
  readonly to: string;
  readonly storeId: string;
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly subject?: string;
  readonly at: Date;
}
