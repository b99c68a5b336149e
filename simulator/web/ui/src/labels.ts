// French words for what the UI shows (the UI is in French). Pure: no DOM, tested in
// ../labels.test.ts under Node.
import { bounceReasonLabel } from '../../../domain/bounce-reasons.ts';
import type { ConversationSnapshot, FlowKind, MailboxType, PatientState } from './types.ts';

export const FLOW_KIND_LABELS: Readonly<Record<FlowKind, string>> = {
  delivered: 'remis',
  bounced: 'avis de non-remise', // REG-ANR-01: asynchronous bounce from Mon espace santé or an operator
  'refused-at-rcpt': 'refusé à RCPT', // REG-LB-02 and strict mode, REG-ANR-05
  'patient-refused': 'refus Mon espace santé', // REG-MES-04: a patient action the rules forbid
  receipt: 'accusé de réception',
  'auto-reply': 'réponse automatique',
};

export const PATIENT_STATE_LABELS: Readonly<Record<PatientState, string>> = {
  active: 'actif',
  opposed: 'opposé',
  closed: 'clôturé',
  none: 'sans profil',
};

export const MAILBOX_TYPE_LABELS: Readonly<Record<MailboxType, string>> = {
  PER: 'BAL nominatives (PER)',
  ORG: 'BAL organisationnelles (ORG)',
  APP: 'BAL applicatives (APP)',
  CAB: 'BAL de cabinet (CAB)',
};

/** ouverte, close par « [FIN] », with the number of non-replyable messages (REG-FIN-01, REG-FIN-02). */
export function conversationStateLabel(conversation: ConversationSnapshot): string {
  const base = conversation.state === 'closed' ? 'close par « [FIN] »' : 'ouverte';
  const notReplyable = conversation.entries.filter((e) => e.direction === 'to-patient' && !e.replyable).length;
  if (notReplyable === 0) return base;
  return `${base} ; ${notReplyable === 1 ? '1 message non répondable' : `${notReplyable} messages non répondables`}`;
}

/**
 * The cause of a bounce in a few words for a row: the label of the failure reason whose
 * sentence it is (« car … », bounce-reasons.ts, REG-ANR-03); any other reason is kept whole. The detail
 * shows the whole sentence.
 */
export function compactReason(reason: string): string {
  return bounceReasonLabel(reason);
}
