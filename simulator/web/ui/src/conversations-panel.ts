// Conversations with patients and their state (REG-FIN-01, REG-FIN-02): ouverte, close par
// « [FIN] », message non répondable (X-MSS-MES: FIN); the patient and the professional by name.
// A conversation shows its last SHOWN_ENTRIES messages and says how many older ones there are: a
// load test writing 5,000 messages to one patient made 5,000 lines, drawn again at each change.
import { meaningBadge } from '../design/badge.ts';
import { el, formatCount, formatTime, replace } from './dom.ts';
import { conversationStateLabel } from './labels.ts';
import type { Participants } from './participants.ts';
import type { ConversationSnapshot, TrustSpaceSnapshot } from './types.ts';

const SHOWN_ENTRIES = 100;

export function renderConversations(container: HTMLElement, conversations: readonly ConversationSnapshot[], space: TrustSpaceSnapshot | undefined, participants: Participants): void {
  if (conversations.length === 0) {
    replace(container, el('p', { text: 'Aucune conversation avec un patient pour l\'instant.' }));
    return;
  }
  const patientName = (ins: string) => {
    const address = space?.patients.find((p) => p.ins === ins)?.address;
    return address ? participants.label(address) : `INS ${ins}`;
  };
  replace(container, ...conversations.map((c) => conversation(c, patientName(c.patientIns), participants.label(c.counterpart))));
}

function conversation(c: ConversationSnapshot, patient: string, counterpart: string): HTMLElement {
  const older = Math.max(0, c.entries.length - SHOWN_ENTRIES);
  const entries = c.entries.slice(older).map((e) =>
    el(
      'li',
      { className: e.direction },
      el('span', { className: 'flow-time', text: formatTime(e.at) }),
      ' ',
      el('span', { text: e.direction === 'to-patient' ? 'au patient' : 'du patient' }),
      ' — ',
      el('span', { text: e.subject ?? '(sans objet)' }),
      c.closedBy === e.storeId ? meaningBadge('closed', 'clôture « [FIN] »') : null,
      e.direction === 'to-patient' && !e.replyable ? meaningBadge('no-reply', 'message non répondable') : null,
    ),
  );
  return el(
    'article',
    { className: `conversation state-${c.state}`, attrs: { 'data-conversation': c.id } },
    el('h3', { text: `${patient} ↔ ${counterpart}` }),
    el('p', {}, 'État : ', meaningBadge(c.state === 'closed' ? 'closed' : 'delivered', conversationStateLabel(c), c.state === 'closed' ? 'closed' : 'mail')),
    older > 0 ? el('p', { className: 'muted conversation-older', text: `${formatCount(older)} message${older > 1 ? 's' : ''} plus ancien${older > 1 ? 's' : ''} non affiché${older > 1 ? 's' : ''} ; les ${SHOWN_ENTRIES} derniers :` }) : null,
    el('ol', { className: 'conversation-entries', attrs: older > 0 ? { start: String(older + 1) } : {} }, ...entries),
  );
}
