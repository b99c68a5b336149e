// The simulated Mon espace santé app, « Messagerie » tab, for one patient: her conversations
// (who wrote, when, documents, open, ended by « [FIN] » with its banner and no reply possible, a
// message that allows no reply marked), a conversation's messages as text, her reply, and the
// « Nouveau message » journey to a pharmacy. Every action goes to the server (the same Mon
// espace santé service as the control API); a refusal shows Mon espace santé's own sentence.
import { callout, meaningBadge } from '../../design/badge.ts';
import { icon } from '../../design/icons.ts';
import { ApiCallError, errorMessage, getJson, send } from '../api.ts';
import { formatDateTime, formatSize } from '../app-shell.ts';
import { button, el, formatCount, replace } from '../dom.ts';
import { redrawKeepingFocus } from '../keep-focus.ts';
import { whenUndisturbed } from '../quiet-reload.ts';
import { PatientJourney } from './patient-journey.ts';
import { SCREEN_TEXTS } from './patient-texts.ts';
import type { AppConversation, PatientAppView, ReadableMessage } from './patient-types.ts';

type Selection = { readonly kind: 'none' } | { readonly kind: 'conversation'; readonly id: string } | { readonly kind: 'new' };

const SHOWN_MESSAGES = 20;

export class PatientApp {
  #view: PatientAppView | undefined;
  #selection: Selection = { kind: 'none' };
  #journey: PatientJourney | undefined;
  readonly #texts = new Map<string, ReadableMessage>();
  /** Messages shown per conversation (the last ones); « Afficher … plus anciens » shows more. */
  readonly #shown = new Map<string, number>();
  /** Replies being written, per conversation: a page drawn again (after she left the form) keeps them. */
  readonly #drafts = new Map<string, string>();
  /** Replies on their way, and the last refusal, per conversation: a page drawn meanwhile shows them too. */
  readonly #sending = new Set<string>();
  readonly #replyRefusals = new Map<string, HTMLElement>();

  constructor(private readonly root: HTMLElement, private readonly ins: string) {
    root.classList.add('mes-app');
  }

  get base(): string {
    return `/api/patient-app/${encodeURIComponent(this.ins)}`;
  }

  async load(): Promise<void> {
    try {
      this.#view = await getJson<PatientAppView>(this.base);
    } catch (error) {
      replace(this.root, callout('bounced', [errorMessage(error)], 'Mon espace santé ne répond pas'));
      return;
    }
    // A conversation gone (the trust space was reset) takes its draft and its last refusal with it.
    const kept = new Set(this.#view.conversations.map((c) => c.id));
    for (const state of [this.#drafts, this.#replyRefusals]) for (const id of state.keys()) if (!kept.has(id)) state.delete(id);
    // Drawn once she neither types in a field nor presses a button (quiet-reload.ts).
    whenUndisturbed(this.root, () => this.render());
  }

  /** Reads the data again (the trust space changed); drawn as load() draws. */
  refresh(): void {
    void this.load();
  }

  /** Draws the page again; the keyboard stays on the control it was on (keep-focus.ts). */
  render(): void {
    redrawKeepingFocus(this.root, () => this.#draw());
  }

  #draw(): void {
    const view = this.#view;
    if (!view) return;
    const name = view.patient ? `${view.patient.firstName} ${view.patient.birthName}` : `INS ${view.ins}`;
    const header = el('header', { className: 'mes-header' }, el('span', { className: 'mes-brand' }, icon('patient'), 'Mon espace santé'), el('span', { className: 'mes-who', text: name }));
    if (view.screen !== 'messaging') {
      const texts = SCREEN_TEXTS[view.screen];
      replace(this.root, header, el('main', { className: 'mes-screen' }, el('h1', { text: 'Messagerie' }), callout(view.screen === 'closed' ? 'closed' : 'refused', [el('p', { text: texts.text })], texts.title)));
      return;
    }
    const detailOpen = this.#selection.kind !== 'none';
    this.root.classList.toggle('showing-detail', detailOpen);
    replace(this.root, header, el('main', { className: 'mes-main' }, this.#list(view), el('section', { className: 'mes-detail', attrs: { 'aria-label': 'Détail' } }, ...this.#detail(view))));
  }

  #select(selection: Selection): void {
    this.#selection = selection;
    if (selection.kind !== 'new') this.#journey = undefined;
    this.render();
  }

  #list(view: PatientAppView): HTMLElement {
    const items = view.conversations.map((conversation) => {
      const last = conversation.messages.at(-1);
      const selected = this.#selection.kind === 'conversation' && this.#selection.id === conversation.id;
      const state = conversation.state === 'closed' ? meaningBadge('closed', 'Échange terminé') : last?.notReplyable ? meaningBadge('no-reply', 'Sans réponse possible') : null;
      const documents = conversation.messages.reduce((count, message) => count + message.documents.length, 0);
      const clip = documents > 0 ? el('span', { className: 'mes-documents' }, icon('attachment'), `${documents} document${documents > 1 ? 's' : ''}`) : null;
      const open = el('button', { className: `mes-conversation${selected ? ' selected' : ''}`, attrs: { type: 'button', 'aria-current': String(selected) } },
        el('span', { className: 'mes-conversation-name', text: conversation.counterpartName }),
        el('span', { className: 'mes-conversation-subject', text: last?.subject ?? '' }),
        el('span', { className: 'mes-conversation-meta' }, el('time', { text: formatDateTime(conversation.lastAt), attrs: { datetime: conversation.lastAt } }), clip, state),
      );
      open.addEventListener('click', () => this.#select({ kind: 'conversation', id: conversation.id }));
      return el('li', {}, open);
    });
    return el('nav', { className: 'mes-list', attrs: { 'aria-label': 'Mes conversations' } },
      el('h1', { text: 'Messagerie' }),
      button('Nouveau message', () => this.#select({ kind: 'new' }), 'mes-new'),
      items.length > 0 ? el('ul', {}, ...items) : el('p', { className: 'muted', text: "Aucun message pour l'instant : seuls les professionnels peuvent vous écrire les premiers, et vous pouvez écrire aux pharmacies que vous fréquentez." }),
    );
  }

  #detail(view: PatientAppView): (Node | null)[] {
    const back = button('Retour à mes messages', () => this.#select({ kind: 'none' }), 'ghost mes-back');
    if (this.#selection.kind === 'new') {
      this.#journey ??= new PatientJourney(view, this.base, (conversationId) => {
        void this.load().then(() => (conversationId ? this.#select({ kind: 'conversation', id: conversationId }) : undefined));
      });
      return [back, this.#journey.element];
    }
    const selection = this.#selection;
    const conversation = selection.kind === 'conversation' ? view.conversations.find((c) => c.id === selection.id) : undefined;
    if (!conversation) return [el('p', { className: 'muted mes-empty', text: 'Choisissez une conversation, ou écrivez un nouveau message.' })];
    return [back, ...this.#conversation(conversation)];
  }

  #conversation(conversation: AppConversation): (Node | null)[] {
    // The last SHOWN_MESSAGES first, as messaging apps do: each shown message reads its text (one
    // request each), and a conversation of 3,000 messages took 4 s to open.
    const shown = this.#shown.get(conversation.id) ?? SHOWN_MESSAGES;
    const older = Math.max(0, conversation.messages.length - shown);
    const next = Math.min(older, SHOWN_MESSAGES);
    const plural = next > 1 ? 's' : '';
    const more = older > 0
      ? button(`Afficher ${next} message${plural} plus ancien${plural} (sur ${formatCount(older)})`, () => {
          this.#shown.set(conversation.id, shown + SHOWN_MESSAGES);
          this.render();
        }, 'ghost mes-older')
      : null;
    const messages = conversation.messages.slice(older).map((message) => {
      const article = el('article', { className: `mes-message ${message.direction}`, attrs: { 'aria-label': `Message de ${message.fromName}` } },
        el('header', {}, el('strong', { text: message.fromName }), el('time', { text: formatDateTime(message.at), attrs: { datetime: message.at } })),
        el('h3', { text: message.subject || '(sans objet)' }),
      );
      const body = el('div', { className: 'mes-body' });
      article.appendChild(body);
      if (message.notReplyable) article.appendChild(meaningBadge('no-reply', message.notReplyable));
      void this.#fillBody(message.storeId, body);
      return article;
    });
    const replyTarget = [...conversation.messages].reverse().find((m) => m.canReply);
    return [
      el('h2', { text: conversation.counterpartName }),
      conversation.closedBanner ? callout('closed', [conversation.closedBanner], 'Échange terminé') : null,
      more,
      ...messages,
      conversation.messages.some((m) => m.direction === 'to-patient')
        ? this.#replyForm(conversation, replyTarget?.storeId)
        : el('p', { className: 'muted', text: `En attente d'une réponse de ${conversation.counterpartName}.` }),
    ];
  }

  async #fillBody(storeId: string, body: HTMLElement): Promise<void> {
    try {
      const message = this.#texts.get(storeId) ?? (await getJson<ReadableMessage>(`${this.base}/messages/${encodeURIComponent(storeId)}`));
      this.#texts.set(storeId, message);
      // Text only: a message never becomes markup (textContent), so none can run script.
      replace(body, el('p', { className: 'mes-text', text: message.text }), ...message.attachments.map((a) =>
        el('a', { className: 'mes-attachment', attrs: { href: `${this.base}/messages/${encodeURIComponent(storeId)}/attachments/${a.index}`, download: a.filename } }, icon('attachment'), `${a.filename} (${formatSize(a.size)})`),
      ));
    } catch (error) {
      replace(body, el('p', { className: 'muted', text: errorMessage(error) }));
    }
  }

  #replyForm(conversation: AppConversation, replyTo: string | undefined): HTMLElement {
    const text = el('textarea', { attrs: { name: 'reponse', rows: '4', 'aria-label': 'Votre réponse' } });
    text.value = this.#drafts.get(conversation.id) ?? '';
    text.addEventListener('input', () => this.#drafts.set(conversation.id, text.value));
    const submit = el('button', { text: 'Répondre', attrs: { type: 'submit' } });
    const result = el('div', { className: 'mes-result', attrs: { role: 'status' } }, this.#replyRefusals.get(conversation.id) ?? null);
    const disabled = replyTo === undefined;
    text.disabled = disabled;
    submit.disabled = disabled || this.#sending.has(conversation.id);
    const why = disabled ? el('p', { className: 'muted', text: conversation.state === 'closed' ? 'Vous ne pouvez plus répondre dans cet échange.' : "Aucun message de cet échange n'autorise la réponse." }) : null;
    const form = el('form', { className: 'mes-reply', attrs: { 'aria-label': 'Répondre' } }, el('h3', { text: 'Répondre' }), why, text, submit, result);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!replyTo || text.value.trim() === '' || this.#sending.has(conversation.id)) return;
      this.#sending.add(conversation.id);
      this.#replyRefusals.delete(conversation.id);
      submit.disabled = true;
      send('POST', `${this.base}/replies`, { messageId: replyTo, text: text.value })
        .then(() => {
          this.#sending.delete(conversation.id);
          this.#drafts.delete(conversation.id);
          return this.load();
        })
        .catch((error: unknown) => {
          this.#sending.delete(conversation.id);
          this.#replyRefusals.set(conversation.id, callout('refused', [errorMessage(error)], error instanceof ApiCallError && error.status === 403 ? 'Refusé par Mon espace santé' : 'Échec'));
          // The form may have been drawn again meanwhile (a message arrived): draw the one shown.
          this.render();
        });
    });
    return form;
  }
}
