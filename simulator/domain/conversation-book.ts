// The Mon espace santé conversation rules (REG-MES-02 to REG-MES-05, REG-FIN-01 to REG-FIN-03, REG-FIN-05) as a pure in-memory state
// machine: every input, `at` included, comes from the caller; no clock, no I/O. Routing records
// what was delivered; the simulated patient asks checkPatientReply/checkPatientWrite first.
import type { Conversation, ConversationEntry, PatientMessage, ProfessionalMessage, ProfessionalMessageOutcome } from './conversation.ts';
import { isEndOfConversationSubject, isNoReplyMarker } from './conversation-markers.ts';
import { canonical, conversationCounterpart } from './conversation-counterpart.ts';
import { checkAddress } from './mss-address.ts';
import type { Patient } from './model.ts';
import { formatPatientAddress, isPatientAddress } from './patient-address.ts';
import { patientRefusal, type PatientRefusal } from './patient-refusals.ts';
import { frequentedPharmacyMailboxes, newConversationVerdict } from './patient-write-permission.ts';
import type { TrustSpaceView } from './trust-space-view.ts';

type Refused = { readonly allowed: false; readonly refusal: PatientRefusal };
export type ReplyPermission = { readonly allowed: true; readonly to: string; readonly conversationId: string } | Refused;
/** `conversationId` is absent when the message would start a new conversation. */
export type WritePermission = { readonly allowed: true; readonly to: string; readonly conversationId?: string } | Refused;

export interface Contact {
  readonly address: string;
  readonly displayName?: string;
  readonly via: 'open-conversation' | 'frequented-pharmacy';
  readonly conversationId?: string;
}

type MutableConversation = { -readonly [K in keyof Conversation]: Conversation[K] } & { entries: ConversationEntry[] };

export class ConversationBook {
  #conversations = new Map<string, MutableConversation>();
  #byPatient = new Map<string, MutableConversation[]>();
  #open = new Map<string, MutableConversation>();
  #byStoreId = new Map<string, { conversation: MutableConversation; entry: ConversationEntry }>();
  #sequence = 0;

  /** Appends a delivered professional → patient message; `[FIN]` closes, X-MSS-MES marks it. */
  recordProfessionalMessage(message: ProfessionalMessage, view: TrustSpaceView): ProfessionalMessageOutcome {
    const ins = message.patientIns.toUpperCase();
    const counterpart = conversationCounterpart(message.from, message.replyTo, view);
    const existing = this.#open.get(openKey(ins, counterpart));
    const conversation = existing ?? this.#start(ins, counterpart, message.at);
    const replyable = !isNoReplyMarker(message.xMssMes); // SC.MSS/CONF.21
    const from = canonical(message.from);
    this.#append(conversation, { ...entryIds(message), direction: 'to-patient', from, subject: message.subject, replyable, at: message.at });
    const closed = isEndOfConversationSubject(message.subject); // REG-FIN-01
    if (closed) this.#close(conversation, message.storeId, from, message.at);
    return { conversationId: conversation.id, counterpart, started: existing === undefined, closed, replyable };
  }

  /** May the patient reply to the message stored as `storeId` in their mailbox? */
  checkPatientReply(request: { readonly patientIns: string; readonly storeId: string }, view: TrustSpaceView): ReplyPermission {
    const patient = activePatient(request.patientIns, view);
    if ('refusal' in patient) return patient;
    const found = this.#byStoreId.get(request.storeId);
    if (!found || found.conversation.patientIns !== patient.ins.toUpperCase() || found.entry.direction !== 'to-patient') {
      return refuse('unknown-message');
    }
    const { conversation, entry } = found;
    if (conversation.state === 'closed') return refuse('conversation-closed', { name: closerName(conversation, view) });
    if (!entry.replyable) return refuse('message-not-replyable'); // SC.MSS/CONF.21, REG-FIN-02
    return { allowed: true, to: conversation.counterpart, conversationId: conversation.id };
  }

  /** May the patient write a new message to `to` (REG-MES-03 (a) and (b))? */
  checkPatientWrite(request: { readonly patientIns: string; readonly to: string }, view: TrustSpaceView): WritePermission {
    const patient = activePatient(request.patientIns, view);
    if ('refusal' in patient) return patient;
    const to = canonical(request.to);
    if (isPatientAddress(to)) return refuse('recipient-is-a-patient', { address: to });
    const check = checkAddress(to);
    if (!check.valid || !view.isWhitelisted(check.address.domain)) return refuse('outside-trust-space', { address: to });
    const open = this.#open.get(openKey(patient.ins.toUpperCase(), to));
    if (open) return { allowed: true, to, conversationId: open.id };
    const verdict = newConversationVerdict(patient, to, view);
    return verdict.allowed ? { allowed: true, to } : verdict;
  }

  /** Records a patient message the checks allowed: joins the open conversation with `to`, or starts one. */
  recordPatientMessage(message: PatientMessage): { readonly conversationId: string; readonly started: boolean } {
    const ins = message.patientIns.toUpperCase();
    const to = canonical(message.to);
    const existing = this.#open.get(openKey(ins, to));
    const conversation = existing ?? this.#start(ins, to, message.at);
    const from = formatPatientAddress(ins);
    this.#append(conversation, { ...entryIds(message), direction: 'from-patient', from, subject: message.subject, replyable: false, at: message.at });
    return { conversationId: conversation.id, started: existing === undefined };
  }

  /** Addresses the patient may write to now: open conversations, then frequented pharmacies. */
  contactableBy(patientIns: string, view: TrustSpaceView): Contact[] {
    const patient = activePatient(patientIns, view);
    if ('refusal' in patient) return [];
    const contacts = new Map<string, Contact>();
    for (const conversation of this.#byPatient.get(patient.ins.toUpperCase()) ?? []) {
      if (conversation.state !== 'open' || contacts.has(conversation.counterpart)) continue;
      const displayName = view.mailbox(conversation.counterpart)?.displayName;
      contacts.set(conversation.counterpart, { address: conversation.counterpart, displayName, via: 'open-conversation', conversationId: conversation.id });
    }
    for (const mailbox of frequentedPharmacyMailboxes(patient, view)) {
      const address = canonical(mailbox.address);
      if (!contacts.has(address)) contacts.set(address, { address, displayName: mailbox.displayName, via: 'frequented-pharmacy' });
    }
    return [...contacts.values()];
  }

  conversationsOf(patientIns: string): Conversation[] {
    return (this.#byPatient.get(patientIns.toUpperCase()) ?? []).map(snapshot);
  }

  conversation(id: string): Conversation | undefined {
    const conversation = this.#conversations.get(id);
    return conversation ? snapshot(conversation) : undefined;
  }

  /** Every conversation, oldest first. */
  all(): Conversation[] {
    return [...this.#conversations.values()].map(snapshot);
  }

  clear(): void {
    this.#conversations.clear();
    this.#byPatient.clear();
    this.#open.clear();
    this.#byStoreId.clear();
    this.#sequence = 0;
  }

  #start(patientIns: string, counterpart: string, at: Date): MutableConversation {
    this.#sequence += 1;
    const conversation: MutableConversation = { id: `conv-${this.#sequence}`, patientIns, counterpart, state: 'open', startedAt: at, entries: [] };
    this.#conversations.set(conversation.id, conversation);
    const ofPatient = this.#byPatient.get(patientIns);
    if (ofPatient) ofPatient.push(conversation);
    else this.#byPatient.set(patientIns, [conversation]);
    this.#open.set(openKey(patientIns, counterpart), conversation);
    return conversation;
  }

  #append(conversation: MutableConversation, entry: ConversationEntry): void {
    conversation.entries.push(entry);
    this.#byStoreId.set(entry.storeId, { conversation, entry });
  }

  #close(conversation: MutableConversation, storeId: string, from: string, at: Date): void {
    conversation.state = 'closed';
    conversation.closedAt = at;
    conversation.closedBy = storeId;
    conversation.closedByAddress = from;
    this.#open.delete(openKey(conversation.patientIns, conversation.counterpart));
  }
}

function openKey(patientIns: string, counterpart: string): string {
  return `${patientIns}\n${counterpart}`;
}

function entryIds(message: { readonly storeId: string; readonly messageId?: string; readonly inReplyTo?: string }) {
  return { storeId: message.storeId, messageId: message.messageId, inReplyTo: message.inReplyTo };
}

function activePatient(patientIns: string, view: TrustSpaceView): Patient | Refused {
  const patient = view.patient(patientIns);
  if (!patient) return refuse('unknown-patient', { ins: patientIns });
  return patient.profile === 'active' ? patient : refuse('patient-profile-not-active');
}

/** « <Nom> a mis fin à vos échanges » names the `[FIN]` sender, else the counterpart. */
function closerName(conversation: Conversation, view: TrustSpaceView): string {
  const closer = conversation.closedByAddress ?? conversation.counterpart;
  return view.mailbox(closer)?.displayName ?? view.mailbox(conversation.counterpart)?.displayName ?? closer;
}

function refuse(code: PatientRefusal['code'], context: Parameters<typeof patientRefusal>[1] = {}): Refused {
  return { allowed: false, refusal: patientRefusal(code, context) };
}

function snapshot(conversation: MutableConversation): Conversation {
  return { ...conversation, entries: [...conversation.entries] };
}
