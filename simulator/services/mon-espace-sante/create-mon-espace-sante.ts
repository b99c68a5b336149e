// The simulated Mon espace santé (REG-MES, REG-FIN): records what professionals send to
// patients, lets patients reply or write under the rules of ConversationBook, refuses and
// records the rest (a refused message never reaches the professional), and answers the
// auto-reply test mailbox.
import { isPatientAddress, patientAddressOf } from '../../domain/patient-address.ts';
import type { ConversationBook, ReplyPermission, WritePermission } from '../../domain/conversation-book.ts';
import type { Conversation } from '../../domain/conversation.ts';
import { AUTO_REPLY_ADDRESS, PATIENT_DOMAIN, type Patient } from '../../domain/model.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import type { ComposeAttachment } from '../../protocols/mime/compose-message.ts';
import type { MessageStore } from '../store/message-store.ts';
import { uniqueToken } from '../../protocols/mime/unique-token.ts';
import type { StoredMessage } from '../store/stored-message.ts';
import type { IncomingMessage, RouteResult } from '../routing/incoming-message.ts';
import type { Transmission } from '../routing/transmission-log.ts';
import type { PatientAction } from '../../observation/observation.ts';
import type { ConversationSnapshot, MonEspaceSante, PatientActionResult, PatientRefusalRecord } from './mon-espace-sante.ts';
import { AUTO_REPLY_TEXT, patientDisplayName } from './patient-mail-texts.ts';

export interface ComposeInput {
  readonly from: { readonly name?: string; readonly address: string };
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly date: Date;
  readonly messageId: string;
}

export interface MonEspaceSanteDeps {
  readonly view: () => TrustSpaceView;
  readonly store: MessageStore;
  readonly book: ConversationBook;
  readonly route: (message: IncomingMessage) => RouteResult;
  readonly compose: (input: ComposeInput) => Promise<Buffer>;
  readonly now: () => Date;
  readonly defer: (work: () => void | Promise<void>) => void;
  readonly onError: (error: unknown) => void;
  /** Told of every patient action, accepted or refused, tied to its own action id (`patient-action` observation). */
  /** Publishes the action; the instant it gives the observation (when it gives one) dates the refusal too. */
  readonly observe?: (action: PatientAction) => { readonly at: Date } | void;
}

export interface MonEspaceSanteRuntime extends MonEspaceSante {
  /** Routing delivered a professional's message to an active patient. */
  onPatientDelivery(copy: StoredMessage, transmission: Transmission): void;
  /** Routing delivered a message to `reponse.automatique-test@patient.mssante.fr`. */
  onAutoReply(copy: StoredMessage, transmission: Transmission): void;
  /** A patient action read back from the durable store (--conserver): its refusal or its message goes back into the book. */
  restoreAction(action: PatientAction, at: Date): void;
}

const newMessageId = (now: Date) => `${now.getTime().toString(36)}.${uniqueToken()}@${PATIENT_DOMAIN}`;

export function createMonEspaceSante(deps: MonEspaceSanteDeps): MonEspaceSanteRuntime {
  let refusals: PatientRefusalRecord[] = [];
  let actions = 0;

  /** Tells the observer what became of the action; the result is returned unchanged. */
  const observed = (result: PatientActionResult, action: Omit<PatientAction, 'type' | 'actionId' | 'outcome' | 'refusal' | 'storeId'>): PatientActionResult => {
    actions += 1;
    const published = deps.observe?.({
      type: 'patient-action',
      actionId: `pa-${String(actions).padStart(6, '0')}`,
      ...action,
      ...(result.accepted ? { outcome: 'accepted', storeId: result.storeId } : { outcome: 'refused', refusal: result.refusal }),
    });
    // One instant for the refusal and its observation: a restart (--conserver) rebuilds the
    // refusal from the observation, and must give it back unchanged.
    const last = refusals.at(-1);
    if (!result.accepted && published && last) refusals[refusals.length - 1] = { ...last, at: published.at };
    return result;
  };

  const refuse = (ins: string, action: 'reply' | 'write', target: string, permission: Extract<ReplyPermission | WritePermission, { allowed: false }>): PatientActionResult => {
    const refusal = { code: permission.refusal.code, message: permission.refusal.text };
    refusals.push({ at: deps.now(), ins, action, target, refusal });
    return { accepted: false, refusal };
  };

  const send = async (patient: Patient, to: string, subject: string, text: string, original?: StoredMessage, attachments?: readonly ComposeAttachment[]) => {
    const now = deps.now();
    const address = patientAddressOf(patient.ins);
    const messageId = newMessageId(now);
    const inReplyTo = original?.index.messageId;
    const raw = await deps.compose({
      from: { name: patientDisplayName(patient), address },
      to: [to],
      subject,
      text,
      ...(inReplyTo ? { inReplyTo, references: [...(original?.index.references ?? []), inReplyTo] } : {}),
      date: now,
      messageId,
      ...(attachments ? { attachments } : {}),
    });
    const sent = deps.store.add({ mailbox: address, folder: 'Sent', kind: 'message', envelope: { mailFrom: address, rcptTo: [to] }, raw, receivedAt: now, ingress: 'simulator' });
    const routed = deps.route({ envelope: { mailFrom: address, rcptTo: [to] }, raw, ingress: 'simulator', receivedAt: now });
    const outcome = routed.recipients[0];
    const recorded = deps.book.recordPatientMessage({ patientIns: patient.ins, to, storeId: sent.id, messageId, ...(inReplyTo ? { inReplyTo } : {}), subject, at: now });
    const storeId = outcome?.outcome === 'delivered' ? outcome.storedId : sent.id;
    return { accepted: true as const, storeId, deliveredTo: to, conversationId: recorded.conversationId };
  };

  return {
    async reply({ ins, messageId, text, subject }) {
      const original = deps.store.get(messageId);
      const facts = { ins, action: 'reply' as const, target: messageId, subject: subject ?? `RE: ${original?.index.subject ?? ''}`, ...(original ? { original } : {}) };
      const permission = deps.book.checkPatientReply({ patientIns: ins, storeId: messageId }, deps.view());
      if (!permission.allowed) return observed(refuse(ins, 'reply', messageId, permission), facts);
      const patient = deps.view().patient(ins);
      if (!original || !patient) throw new Error(`message ${messageId} or patient ${ins} vanished after an allowed reply check`);
      return observed(await send(patient, permission.to, facts.subject, text, original), facts);
    },

    async write({ ins, to, subject, text, attachments }) {
      const facts = { ins, action: 'write' as const, target: to, subject };
      const permission = deps.book.checkPatientWrite({ patientIns: ins, to }, deps.view());
      if (!permission.allowed) return observed(refuse(ins, 'write', to, permission), facts);
      const patient = deps.view().patient(ins);
      if (!patient) throw new Error(`patient ${ins} vanished after an allowed write check`);
      return observed(await send(patient, permission.to, subject, text, undefined, attachments), facts);
    },

    conversations(ins) {
      const list = ins ? deps.book.conversationsOf(ins) : deps.book.all();
      return list.map(toSnapshot);
    },

    contactable(ins) {
      return deps.book.contactableBy(ins, deps.view()).map((contact) => contact.address);
    },

    refusals: () => refusals,

    clear() {
      deps.book.clear();
      refusals = [];
    },

    restoreAction(action, at) {
      actions = Math.max(actions, Number(action.actionId.replace(/^pa-/, '')) || 0);
      if (action.outcome === 'refused') {
        if (action.refusal) refusals.push({ at, ins: action.ins, action: action.action, target: action.target, refusal: action.refusal });
        return;
      }
      const sent = sentCopyOf(deps.store, action);
      if (!sent) return; // evicted by the retention limit
      const inReplyTo = sent.index.inReplyTo;
      deps.book.recordPatientMessage({ patientIns: action.ins, to: sent.envelope.rcptTo[0] ?? action.target, storeId: sent.id, ...(sent.index.messageId ? { messageId: sent.index.messageId } : {}), ...(inReplyTo ? { inReplyTo } : {}), subject: action.subject, at: sent.receivedAt });
    },

    onPatientDelivery(copy, transmission) {
      const ins = copy.mailbox.split('@')[0] ?? '';
      const from = transmission.index.from[0] ?? transmission.envelope.mailFrom;
      if (!from || isPatientAddress(from)) return; // a patient never writes to a patient (REG-MES-02)
      const { index } = transmission;
      deps.book.recordProfessionalMessage(
        {
          patientIns: ins,
          from,
          replyTo: index.replyTo,
          ...(index.subject !== undefined ? { subject: index.subject } : {}),
          ...(index.xMss['x-mss-mes'] !== undefined ? { xMssMes: index.xMss['x-mss-mes'] } : {}),
          storeId: copy.id,
          ...(index.messageId ? { messageId: index.messageId } : {}),
          ...(index.inReplyTo ? { inReplyTo: index.inReplyTo } : {}),
          at: copy.receivedAt,
        },
        deps.view(),
      );
    },

    onAutoReply(copy, transmission) {
      const to = transmission.index.from[0] ?? transmission.envelope.mailFrom;
      // RFC 3834 §2: never answer a bounce (null sender) nor an automatic message (Auto-Submitted other than `no`).
      const automatic = transmission.index.autoSubmitted !== undefined && transmission.index.autoSubmitted.toLowerCase() !== 'no';
      if (transmission.envelope.mailFrom === '' || automatic || !to) return;
      deps.defer(() => {
        const now = deps.now();
        const inReplyTo = copy.index.messageId;
        return deps
          .compose({
            from: { name: 'Mon espace santé — réponse automatique', address: AUTO_REPLY_ADDRESS },
            to: [to],
            subject: `RE: ${copy.index.subject ?? ''}`,
            text: AUTO_REPLY_TEXT,
            ...(inReplyTo ? { inReplyTo, references: [...copy.index.references, inReplyTo] } : {}),
            headers: { 'Auto-Submitted': 'auto-replied' },
            date: now,
            messageId: newMessageId(now),
          })
          .then((raw) => void deps.route({ envelope: { mailFrom: '', rcptTo: [to] }, raw, ingress: 'simulator', receivedAt: now }))
          .catch(deps.onError);
      });
    },
  };
}

/** The patient's Sent copy of an accepted action: the stored id itself when it bounced, else the Sent copy with the delivered copy's Message-ID. */
function sentCopyOf(store: MessageStore, action: PatientAction): StoredMessage | undefined {
  const stored = action.storeId ? store.get(action.storeId) : undefined;
  if (!stored || stored.folder === 'Sent') return stored;
  const messageId = stored.index.messageId;
  const address = patientAddressOf(action.ins);
  return messageId ? store.byMessageId(messageId).find((m) => m.folder === 'Sent' && m.mailbox === address) : undefined;
}

function toSnapshot(conversation: Conversation): ConversationSnapshot {
  return {
    id: conversation.id,
    patientIns: conversation.patientIns,
    counterpart: conversation.counterpart,
    state: conversation.state,
    ...(conversation.closedBy ? { closedBy: conversation.closedBy } : {}),
    entries: conversation.entries.map((entry) => ({
      storeId: entry.storeId,
      ...(entry.messageId ? { messageId: entry.messageId } : {}),
      direction: entry.direction,
      from: entry.from,
      ...(entry.subject !== undefined ? { subject: entry.subject } : {}),
      replyable: entry.replyable,
      at: entry.at.toISOString(),
    })),
  };
}
