// Conversations with patients and their state (REG-FIN-01, REG-FIN-02): ouverte, close par
// « [FIN] », message non répondable (X-MSS-MES: FIN); the patient and the professional by name.
// A conversation shows its last SHOWN_ENTRIES messages, says how many older ones there are, and
// « Afficher … plus anciens » shows SHOWN_ENTRIES more each time: a load test writing 5,000
// messages to one patient made 5,000 lines, drawn again at each change.
import { meaningBadge } from '../design/badge.ts';
import { button, el, formatCount, formatTime, replace } from './dom.ts';
import { conversationStateLabel } from './labels.ts';
import type { Participants } from './participants.ts';
import { whenUndisturbed } from './quiet-reload.ts';
import type { ConversationSnapshot, TrustSpaceSnapshot } from './types.ts';

const SHOWN_ENTRIES = 100;

interface Shown {
  readonly conversations: readonly ConversationSnapshot[];
  readonly space: TrustSpaceSnapshot | undefined;
  readonly participants: Participants;
}

export class ConversationsPanel {
  readonly #container: HTMLElement;
  /** Entries shown per conversation id, once « plus anciens » was pressed; kept across reloads. */
  readonly #shownEntries = new Map<string, number>();
  #last: Shown | undefined;

  constructor(container: HTMLElement) {
    this.#container = container;
  }

  /** Drawn again at each change, once no button of the panel is pressed (quiet-reload.ts). */
  render(conversations: readonly ConversationSnapshot[], space: TrustSpaceSnapshot | undefined, participants: Participants): void {
    this.#last = { conversations, space, participants };
    whenUndisturbed(this.#container, () => this.#draw());
  }

  #draw(): void {
    const last = this.#last;
    if (!last) return;
    const { conversations, space, participants } = last;
    if (conversations.length === 0) {
      replace(this.#container, el('p', { text: 'Aucune conversation avec un patient pour l\'instant.' }));
      return;
    }
    const patientName = (ins: string) => {
      const address = space?.patients.find((p) => p.ins === ins)?.address;
      return address ? participants.label(address) : `INS ${ins}`;
    };
    // The keyboard stays in the conversation it was in (on its « plus anciens » button, or on its
    // list once everything is shown).
    const focused = this.#container.ownerDocument.activeElement?.closest<HTMLElement>('article.conversation')?.dataset.conversation;
    replace(this.#container, ...conversations.map((c) => this.#conversation(c, patientName(c.patientIns), participants.label(c.counterpart))));
    if (focused !== undefined) this.#focusIn(focused);
  }

  #showOlder(id: string, shown: number): void {
    this.#shownEntries.set(id, shown + SHOWN_ENTRIES);
    this.#draw();
  }

  #focusIn(id: string): void {
    const article = [...this.#container.querySelectorAll<HTMLElement>('article.conversation')].find((a) => a.dataset.conversation === id);
    (article?.querySelector<HTMLElement>('.conversation-more') ?? article?.querySelector<HTMLElement>('.conversation-entries'))?.focus();
  }

  #conversation(c: ConversationSnapshot, patient: string, counterpart: string): HTMLElement {
    const shown = this.#shownEntries.get(c.id) ?? SHOWN_ENTRIES;
    const older = Math.max(0, c.entries.length - shown);
    const listed = c.entries.length - older;
    const next = Math.min(older, SHOWN_ENTRIES);
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
      older > 0
        ? el('p', { className: 'muted conversation-older' },
            el('span', { text: `${plural(older, 'message plus ancien non affiché', 'messages plus anciens non affichés')} ; les ${formatCount(listed)} derniers ci-dessous.` }),
            ' ',
            button(showOlderLabel(next, older), () => this.#showOlder(c.id, shown), 'ghost conversation-more'))
        : null,
      el('ol', { className: 'conversation-entries', attrs: { tabindex: '-1', ...(older > 0 ? { start: String(older + 1) } : {}) } }, ...entries),
    );
  }
}

/** « Afficher les 30 messages plus anciens », or « Afficher 100 messages plus anciens (sur 1 234) ». */
function showOlderLabel(next: number, older: number): string {
  if (next < older) return `Afficher ${plural(next, 'message plus ancien', 'messages plus anciens')} (sur ${formatCount(older)})`;
  return older === 1 ? 'Afficher le message plus ancien' : `Afficher les ${formatCount(older)} messages plus anciens`;
}

/** « 1 message plus ancien » / « 1 234 messages plus anciens ». */
function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count > 1 ? many : one}`;
}
