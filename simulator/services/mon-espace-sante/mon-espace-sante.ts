// The simulated Mon espace santé: patients' side of the trust space. Applies the rules of
// REG-MES-03, REG-MES-04 and REG-FIN to patient actions, records conversations, answers the auto-reply mailbox.
// (Interface first; the implementation lands in create-mon-espace-sante.ts.)
import type { ComposeAttachment } from '../../protocols/mime/compose-message.ts';

export interface PatientRefusalView {
  /** Stable code, e.g. `conversation-closed`, `message-not-replyable`. */
  readonly code: string;
  /** French text for trainers and vendors. */
  readonly message: string;
}

export type PatientActionResult =
  | { readonly accepted: true; readonly storeId: string; readonly deliveredTo: string; readonly conversationId: string }
  | { readonly accepted: false; readonly refusal: PatientRefusalView };

export interface PatientRefusalRecord {
  readonly at: Date;
  readonly ins: string;
  readonly action: 'reply' | 'write';
  readonly target: string;
  readonly refusal: PatientRefusalView;
}

/** JSON-serialisable conversation state, for the control API and the web UI. */
export interface ConversationSnapshot {
  readonly id: string;
  readonly patientIns: string;
  readonly counterpart: string;
  readonly state: 'open' | 'closed';
  readonly closedBy?: string;
  readonly entries: readonly {
    readonly storeId: string;
    readonly messageId?: string;
    readonly direction: 'to-patient' | 'from-patient';
    /** Sender address: the professional's `From` (the counterpart may be its Reply-To), or the patient's. */
    readonly from: string;
    readonly subject?: string;
    readonly replyable: boolean;
    readonly at: string;
  }[];
}

export interface MonEspaceSante {
  /** The patient replies to a message of her mailbox (store id). */
  reply(input: { ins: string; messageId: string; text: string; subject?: string }): Promise<PatientActionResult>;
  /** The patient starts a conversation (REG-MES-03: only toward allowed counterparts). */
  write(input: { ins: string; to: string; subject: string; text: string; attachments?: readonly ComposeAttachment[] }): Promise<PatientActionResult>;
  conversations(ins?: string): readonly ConversationSnapshot[];
  /** Addresses the patient may write to now. */
  contactable(ins: string): readonly string[];
  refusals(): readonly PatientRefusalRecord[];
  clear(): void;
}
