// « Nouveau message » in the simulated Mon espace santé app, in three steps as the app has them:
// 1. a document already in her profile (a prescription, a result), or none; 2. a recipient among
// her contacts (professionals who wrote to her), the pharmacies proposed from her history, or a
// pharmacy found by name or postal code in the Annuaire Santé; 3. the pre-filled message, which
// she may edit, then « Envoyer ». Mon espace santé decides: a refusal shows its own sentence.
import { callout, meaningBadge } from '../../design/badge.ts';
import { icon } from '../../design/icons.ts';
import { ApiCallError, errorMessage, getJson, send } from '../api.ts';
import { formatDate } from '../app-shell.ts';
import { el, replace } from '../dom.ts';
import { prefilledMessage, STEP_TITLES } from './patient-texts.ts';
import type { FoundPharmacy, PatientAppView, Recipient } from './patient-types.ts';

export class PatientJourney {
  readonly element: HTMLFormElement;
  #documentId = '';
  #recipient: Recipient | undefined;
  readonly #step3 = el('fieldset', { className: 'mes-step' });
  readonly #subject = el('input', { attrs: { name: 'objet', type: 'text', required: '' } });
  readonly #text = el('textarea', { attrs: { name: 'texte', rows: '7', required: '' } });
  readonly #found = el('div', { className: 'mes-found', attrs: { 'aria-live': 'polite' } });

  constructor(private readonly view: PatientAppView, private readonly base: string, private readonly sent: (conversationId: string | undefined) => void) {
    this.element = el('form', { className: 'mes-journey', attrs: { 'aria-label': 'Nouveau message' } }, el('h2', { text: 'Nouveau message' }), this.#documents(), this.#recipients(), this.#step3);
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#send();
    });
    this.#renderStep3();
  }

  #documents(): HTMLElement {
    const choices = [{ id: '', label: 'Aucun document', detail: '' }, ...this.view.documents.map((d) => ({ id: d.id, label: `${d.kindLabel} : ${d.title}`, detail: `${formatDate(d.date)} · ${d.author}` }))];
    return el('fieldset', { className: 'mes-step' },
      el('legend', { text: `1. ${STEP_TITLES[0]}` }),
      ...choices.map((choice) => {
        const input = el('input', { attrs: { type: 'radio', name: 'document', value: choice.id } });
        input.checked = choice.id === this.#documentId;
        input.addEventListener('change', () => {
          this.#documentId = choice.id;
          this.#renderStep3();
        });
        return el('label', { className: 'mes-choice' }, input, el('span', {}, choice.id ? icon('attachment') : null, el('span', { text: choice.label }), choice.detail ? el('small', { text: choice.detail }) : null));
      }),
    );
  }

  #recipients(): HTMLElement {
    const search = el('input', { attrs: { type: 'search', name: 'recherche', autocomplete: 'off', placeholder: 'ex. 49990 ou Pharmacie du' } });
    const go = el('button', { className: 'secondary', text: 'Rechercher', attrs: { type: 'button' } });
    const run = () => void this.#search(search.value.trim());
    go.addEventListener('click', run);
    search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        run();
      }
    });
    return el('fieldset', { className: 'mes-step' },
      el('legend', { text: `2. ${STEP_TITLES[1]}` }),
      el('h3', { text: 'Mes contacts' }),
      this.view.contacts.length > 0 ? el('div', {}, ...this.view.contacts.map((c) => this.#recipientChoice(c, 'doctor'))) : el('p', { className: 'muted', text: "Aucun professionnel ne vous a écrit dans un échange encore ouvert." }),
      el('h3', { text: 'Pharmacies proposées' }),
      el('p', { className: 'muted', text: "D'après vos remboursements, vous fréquentez :" }),
      this.view.pharmacies.length > 0 ? el('div', {}, ...this.view.pharmacies.map((p) => this.#recipientChoice(p, 'pharmacy', `${p.postalCode} ${p.city}`))) : el('p', { className: 'muted', text: 'Aucune pharmacie.' }),
      el('h3', { text: 'Rechercher une pharmacie' }),
      el('div', { className: 'mes-search' }, el('label', { className: 'field' }, el('span', { text: 'Nom ou code postal' }), search), go),
      this.#found,
    );
  }

  #recipientChoice(recipient: Recipient, iconName: 'doctor' | 'pharmacy', detail?: string, badge?: HTMLElement): HTMLElement {
    const input = el('input', { attrs: { type: 'radio', name: 'destinataire', value: recipient.address } });
    input.checked = this.#recipient?.address === recipient.address;
    input.addEventListener('change', () => {
      this.#recipient = recipient;
      this.#renderStep3(false);
    });
    return el('label', { className: 'mes-choice' }, input, el('span', {}, icon(iconName), el('span', { text: recipient.name }), detail ? el('small', { text: detail }) : null, badge ?? null));
  }

  async #search(query: string): Promise<void> {
    if (query.length < 2) {
      replace(this.#found, el('p', { className: 'muted', text: 'Saisissez au moins deux caractères : le début du nom ou le code postal.' }));
      return;
    }
    replace(this.#found, el('p', { className: 'muted', text: "Recherche dans l'Annuaire Santé…" }));
    try {
      const found = await getJson<FoundPharmacy[]>(`${this.base}/pharmacies?q=${encodeURIComponent(query)}`);
      if (found.length === 0) {
        replace(this.#found, el('p', { className: 'muted', text: `Aucune pharmacie trouvée pour « ${query} ».` }));
        return;
      }
      replace(this.#found, el('p', { className: 'muted', text: `${found.length} pharmacie${found.length > 1 ? 's' : ''} trouvée${found.length > 1 ? 's' : ''} :` }),
        ...found.map((p) => this.#recipientChoice({ address: p.address, name: p.name }, 'pharmacy', p.postalCode ? `${p.postalCode} ${p.city ?? ''}`.trim() : undefined, p.frequented ? meaningBadge('delivered', 'Fréquentée') : meaningBadge('info', 'Non fréquentée'))));
    } catch (error) {
      replace(this.#found, callout('bounced', [errorMessage(error)], "L'Annuaire Santé ne répond pas"));
    }
  }

  /** `prefill`: a document was chosen, so the proposed subject and text change (the recipient does not change them). */
  #renderStep3(prefill = true): void {
    const document = this.view.documents.find((d) => d.id === this.#documentId);
    const name = this.view.patient ? `${this.view.patient.firstName} ${this.view.patient.birthName}` : '';
    if (prefill) {
      const draft = prefilledMessage(name, document?.title, document ? formatDate(document.date) : undefined);
      this.#subject.value = draft.subject;
      this.#text.value = draft.text;
    }
    const submit = el('button', { text: 'Envoyer', attrs: { type: 'submit' } });
    submit.disabled = this.#recipient === undefined;
    replace(this.#step3,
      el('legend', { text: `3. ${STEP_TITLES[2]}` }),
      el('p', {}, 'À : ', el('strong', { text: this.#recipient ? this.#recipient.name : 'choisissez un destinataire (étape 2)' })),
      document ? el('p', {}, icon('attachment'), ` ${document.fileName}`) : null,
      el('label', { className: 'field' }, el('span', { text: 'Objet' }), this.#subject),
      el('label', { className: 'field' }, el('span', { text: 'Message' }), this.#text),
      submit,
      el('div', { className: 'mes-result', attrs: { role: 'status' } }),
    );
  }

  async #send(): Promise<void> {
    if (!this.#recipient) return;
    const form = new FormData(this.element);
    const result = this.#step3.querySelector<HTMLElement>('.mes-result');
    const submit = this.#step3.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) submit.disabled = true;
    try {
      const answer = await send<{ conversationId: string }>('POST', `${this.base}/messages`, {
        to: this.#recipient.address,
        subject: String(form.get('objet') ?? ''),
        text: String(form.get('texte') ?? ''),
        ...(this.#documentId ? { documentIds: [this.#documentId] } : {}),
      });
      this.sent(answer?.conversationId);
    } catch (error) {
      if (submit) submit.disabled = false;
      if (result) replace(result, callout('refused', [errorMessage(error)], error instanceof ApiCallError && error.status === 403 ? 'Refusé par Mon espace santé' : 'Échec'));
    }
  }
}
