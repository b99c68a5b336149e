// The JSON shapes the UI reads from the control API (simulator/web/openapi.json and the flow
// contract of simulator/observation/live-flow/README.md). Copied as types only: the browser bundle must not
// import server modules (they need Node); the flow entry and the header field are shared, their
// files are types only.

import type { FlowEntry } from '../../../observation/live-flow/flow-entry.ts';

export type { FlowEntry, FlowKind } from '../../../observation/live-flow/flow-entry.ts';
import type { HeaderField } from '../../../protocols/mime/message-header-fields.ts';

export interface FlowPage {
  readonly total: number;
  readonly entries: readonly FlowEntry[];
}

export interface FlowFilters {
  readonly mailbox?: string;
  readonly patient?: string;
  readonly scenario?: string;
}

export type PatientState = 'active' | 'opposed' | 'closed' | 'none';
export type MailboxType = 'PER' | 'ORG' | 'APP' | 'CAB';

export interface TrustSpaceSnapshot {
  readonly operators: readonly { id: string; name: string; domains: readonly { name: string; description: string; whitelisted: boolean }[] }[];
  readonly organisations: readonly { id: string; kind: string; name: string }[];
  /** The people and places of the default data set, with their role (fixtures/personas.json); absent in older snapshots. */
  readonly personas?: readonly Persona[];
  readonly practitioners: readonly { idNat?: string; civility: string; firstName: string; lastName: string; professionLabel: string }[];
  readonly mailboxes: readonly {
    address: string;
    type: MailboxType;
    owner: { kind: 'practitioner'; idNat: string } | { kind: 'organisation'; organisationId: string };
    displayName: string;
    description: string;
    service: string | null;
    redListed: boolean;
  }[];
  readonly patients: readonly {
    ins: string;
    address: string;
    identity: { birthName: string; firstName: string; birthDate: string; sex: string; qualified: boolean };
    profile: PatientState;
    frequentedPharmacies: readonly { id: string; name: string | null; organisationalMailboxes: readonly string[] }[];
  }[];
}

export interface Persona {
  readonly id: string;
  readonly kind: 'professional' | 'patient' | 'address';
  readonly name: string;
  readonly role: string;
  readonly mailbox?: string;
  readonly ins?: string;
  readonly address?: string;
}

export interface ConversationSnapshot {
  readonly id: string;
  readonly patientIns: string;
  readonly counterpart: string;
  readonly state: 'open' | 'closed';
  readonly closedBy?: string;
  readonly entries: readonly { storeId: string; messageId?: string; direction: 'to-patient' | 'from-patient'; subject?: string; replyable: boolean; at: string }[];
}

export type { HeaderField } from '../../../protocols/mime/message-header-fields.ts';

export interface MessageDetail {
  readonly id: string;
  readonly messageId: string | null;
  readonly from: string | null;
  readonly to: readonly string[];
  readonly subject: string | null;
  readonly receivedAt: string;
  readonly kind: 'message' | 'bounce' | 'receipt';
  readonly mailbox: string;
  readonly size: number;
  readonly connectionId: string | null;
  readonly envelope: { mailFrom: string; rcptTo: readonly string[] };
  readonly parsed: {
    readonly headers: readonly HeaderField[];
    readonly contentType?: string;
    readonly text?: string;
    readonly html?: string;
    readonly attachments: readonly { filename?: string; contentType: string; size: number; partId?: string }[];
    readonly deliveryStatus?: {
      readonly perMessage: { readonly fields: Readonly<Record<string, string>> };
      readonly recipients: readonly { readonly fields: Readonly<Record<string, string>> }[];
    };
    readonly problems: readonly string[];
  };
}

export interface DemonstrationStep {
  readonly title: string;
  readonly narration: string;
}

export interface Demonstration {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly DemonstrationStep[];
}

export interface DemonstrationRun {
  readonly runId: string;
  readonly demonstrationId: string;
  readonly stepIndex: number;
  readonly status: 'ready' | 'running' | 'waiting' | 'finished' | 'failed';
  readonly log: readonly { stepIndex: number; title: string; narration: string; outcome?: string }[];
}

export interface OperatorPrompt {
  readonly id: string;
  readonly kind: 'instruction' | 'question' | 'verdict';
  readonly text: string;
  readonly details: readonly string[];
  readonly openedAt: string;
  readonly timeoutMs?: number;
  readonly status: 'open' | 'done' | 'expired' | 'answered';
  readonly answer?: boolean;
  /** For the final verdict: where the report is served, and its file. */
  readonly report?: { readonly url: string; readonly file: string };
}
