// One arrow of the live flow: a message delivered, bounced, refused at RCPT, refused
// by Mon espace santé, a delivery receipt or an auto-reply, as the web UI draws it between
// actors. JSON as served by GET /api/flow and the `flow` server-sent event (README.md here).

export type FlowKind = 'delivered' | 'bounced' | 'refused-at-rcpt' | 'patient-refused' | 'receipt' | 'auto-reply';

export interface FlowEntry {
  /** `f-000001`…, increasing for the life of the trust space (never reused after a reset). */
  readonly id: string;
  /** ISO 8601 instant the trust space saw it. */
  readonly at: string;
  readonly kind: FlowKind;
  /** Bare address, lower-case; `mailer-daemon@…` for a report. */
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** Store id for GET /api/messages/{id} (absent once the trust space was reset). */
  readonly storedId?: string;
  /** Transmission id (GET /api/transmissions/{id}/raw): the message as received; for a report, the message it reports on. */
  readonly transmissionId?: string;
  /** Journal id of the SMTP connection (GET /api/journal/{id}). */
  readonly connectionId?: string;
  /** For a bounce or receipt: the recipient the report is about; for a RCPT refusal, the refused address. */
  readonly originalRecipient?: string;
  /** French sentence: why it bounced or was refused (SC.MSS/UX.30). */
  readonly reason?: string;
  /** RFC 3463 status, e.g. `5.1.1`. */
  readonly status?: string;
  /** Subject exactly `[FIN]` on a professional's message to a patient: the conversation is closed (REG-FIN-01). */
  readonly closesConversation?: boolean;
  /** `X-MSS-MES: FIN` on a message to a patient: this message is not replyable (SC.MSS/CONF.21). */
  readonly noReply?: boolean;
  /** Written by a patient from Mon espace santé (SC.MSS/UX.25). */
  readonly fromPatient?: boolean;
  /** The scenario label set when it was recorded (TrustSpace.setScenario). */
  readonly scenario?: string;
}

/** An entry before the recorder numbers it and labels it with the current scenario. */
export type FlowDraft = Omit<FlowEntry, 'id' | 'scenario'>;

export interface PatientStateEvent {
  readonly ins: string;
  readonly state: string;
}
