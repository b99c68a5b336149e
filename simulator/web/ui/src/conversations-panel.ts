// Conversations with patients and their state (REG-FIN-01, REG-FIN-02): ouverte, close par
// « [FIN] », message non répondable (X-MSS-MES: FIN).
import { el, formatTime, replace } from './dom.ts';
import { conversationStateLabel } from './labels.ts';
import type { ConversationSnapshot, TrustSpaceSnapshot } from './types.ts';

export function renderConversations(container: HTMLElement, conversations: readonly ConversationSnapshot[], space: TrustSpaceSnapshot | undefined): void {
  if (conversations.length === 0) {
    replace(container, el('p', { text: 'Aucune conversation avec un patient pour l\'instant.' }));
    return;
  }
  const patientName = (ins: string) => {
    const patient = space?.patients.find((p) => p.ins === ins);
    return patient ? `${patient.identity.firstName} ${patient.identity.birthName} (${ins})` : ins;
  };
  replace(container, ...conversations.map((c) => conversation(c, patientName(c.patientIns))));
}

function conversation(c: ConversationSnapshot, patient: string): HTMLElement {
  const entries = c.entries.map((e) =>
    el(
      'li',
      { className: e.direction },
      el('span', { className: 'flow-time', text: formatTime(e.at) }),
      ' ',
      el('span', { text: e.direction === 'to-patient' ? 'au patient' : 'du patient' }),
      ' — ',
      el('span', { text: e.subject ?? '(sans objet)' }),
      c.closedBy === e.storeId ? el('span', { className: 'badge mark', text: 'clôture « [FIN] »' }) : null,
      e.direction === 'to-patient' && !e.replyable ? el('span', { className: 'badge mark', text: 'message non répondable' }) : null,
    ),
  );
  return el(
    'article',
    { className: `conversation state-${c.state}`, attrs: { 'data-conversation': c.id } },
    el('h3', { text: `${patient} ↔ ${c.counterpart}` }),
    el('p', {}, 'État : ', el('span', { className: `badge conversation-${c.state}`, text: conversationStateLabel(c) })),
    el('ol', { className: 'conversation-entries' }, ...entries),
  );
}
