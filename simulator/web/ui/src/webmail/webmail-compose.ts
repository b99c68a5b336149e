// The webmail's composer: recipients typed or found in the Annuaire Santé (name or postal
// code, REG-ANN-10), or a patient of the file (the address is built by the server from a
// qualified INS only, MSS/va1.19), subject, text, attachments, a message that allows no reply
// (X-MSS-MES: FIN), and on a reply « Envoyer et terminer l'échange » (subject exactly « [FIN] »).
import { callout, meaningBadge } from '../../design/badge.ts';
import { errorMessage, getJson, send } from '../api.ts';
import { formatDate } from '../app-shell.ts';
import { el, replace } from '../dom.ts';
import type { ComposeStart, FoundRecipient, PatientFileEntry, SendResult } from './webmail-types.ts';

export class WebmailCompose {
  readonly element: HTMLFormElement;
  readonly #to = el('input', { attrs: { name: 'a', type: 'text', autocomplete: 'off', placeholder: 'adresse@domaine.mssante.fr, …' } });
  readonly #patient = el('select', { attrs: { name: 'patient' } });
  readonly #subject = el('input', { attrs: { name: 'objet', type: 'text' } });
  readonly #text = el('textarea', { attrs: { name: 'texte', rows: '8' } });
  readonly #noReply = el('input', { attrs: { name: 'non-repondable', type: 'checkbox' } });
  readonly #files = el('input', { attrs: { name: 'pieces-jointes', type: 'file', multiple: '' } });
  readonly #found = el('div', { className: 'wm-found', attrs: { 'aria-live': 'polite' } });
  readonly #result = el('div', { className: 'wm-result', attrs: { role: 'status' } });

  constructor(private readonly base: string, private readonly start: ComposeStart, private readonly sent: () => void) {
    const reply = start.replyTo;
    if (reply) {
      this.#to.value = reply.from[0]?.address ?? '';
      this.#subject.value = start.end ? '[FIN]' : `RE: ${reply.subject}`;
    }
    this.#subject.readOnly = start.end === true;
    const query = el('input', { attrs: { name: 'annuaire', type: 'search', autocomplete: 'off', placeholder: 'nom ou code postal' } });
    const kind = el('select', { attrs: { name: 'type' } }, el('option', { text: 'Tous', attrs: { value: '' } }), el('option', { text: 'Pharmacies', attrs: { value: 'pharmacy' } }), el('option', { text: 'Professionnels', attrs: { value: 'practitioner' } }), el('option', { text: 'Structures', attrs: { value: 'organisation' } }));
    const search = el('button', { className: 'secondary', text: "Chercher dans l'Annuaire", attrs: { type: 'button' } });
    search.addEventListener('click', () => void this.#search(query.value.trim(), kind.value));
    const buttons = start.end
      ? [el('button', { text: "Envoyer et terminer l'échange ([FIN])", attrs: { type: 'submit', value: 'fin' } })]
      : [el('button', { text: 'Envoyer', attrs: { type: 'submit', value: 'envoyer' } })];
    this.element = el('form', { className: 'wm-compose', attrs: { 'aria-label': 'Nouveau message' } },
      el('h2', { text: start.end ? "Terminer l'échange" : reply ? 'Répondre' : 'Nouveau message' }),
      el('label', { className: 'field' }, el('span', { text: 'À' }), this.#to),
      reply ? null : el('div', { className: 'wm-directory' }, el('label', { className: 'field' }, el('span', { text: 'Annuaire Santé' }), query), el('label', { className: 'field' }, el('span', { text: 'Type' }), kind), search),
      reply ? null : this.#found,
      reply ? null : el('label', { className: 'field' }, el('span', { text: 'Ou un patient du dossier (adresse Mon espace santé construite depuis son INS)' }), this.#patient),
      el('label', { className: 'field' }, el('span', { text: 'Objet' }), this.#subject),
      el('label', { className: 'field' }, el('span', { text: 'Message' }), this.#text),
      start.end ? null : el('label', { className: 'field' }, el('span', { text: 'Pièces jointes' }), this.#files),
      start.end ? null : el('label', { className: 'check' }, this.#noReply, 'Message non répondable (X-MSS-MES: FIN)'),
      el('div', { className: 'wm-buttons' }, ...buttons),
      this.#result,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#send();
    });
    if (!reply) void this.#loadPatients();
  }

  async #loadPatients(): Promise<void> {
    const patients = await getJson<PatientFileEntry[]>(`${this.base}/patients`).catch(() => []);
    replace(this.#patient, el('option', { text: '—', attrs: { value: '' } }), ...patients.map((p) =>
      el('option', { text: `${p.birthName} ${p.firstName}, né(e) le ${formatDate(p.birthDate)} — INS ${p.ins}${p.qualified ? '' : ' (identité non qualifiée)'}`, attrs: { value: p.ins } })));
  }

  async #search(query: string, kind: string): Promise<void> {
    if (query.length < 2) return;
    try {
      const found = await getJson<FoundRecipient[]>(`${this.base}/recipients?q=${encodeURIComponent(query)}${kind ? `&kind=${kind}` : ''}`);
      replace(this.#found, found.length === 0 ? el('p', { className: 'muted', text: `Aucune boîte trouvée pour « ${query} ».` }) : el('ul', {}, ...found.map((r) => {
        const add = el('button', { className: 'ghost', text: 'Ajouter', attrs: { type: 'button', 'aria-label': `Ajouter ${r.displayName} (${r.address})` } });
        add.addEventListener('click', () => {
          const current = this.#to.value.split(',').map((a) => a.trim()).filter((a) => a !== '');
          if (!current.includes(r.address)) this.#to.value = [...current, r.address].join(', ');
        });
        return el('li', {}, el('span', { text: `${r.displayName} ` }), el('span', { className: 'badge', text: r.mailboxType }), el('span', { className: 'technical', text: ` ${r.address} ` }), add);
      })));
    } catch (error) {
      replace(this.#found, callout('bounced', [errorMessage(error)], "L'Annuaire Santé ne répond pas"));
    }
  }

  async #send(): Promise<void> {
    const to = this.#to.value.split(',').map((a) => a.trim()).filter((a) => a !== '');
    const attachments = await Promise.all([...(this.#files.files ?? [])].map(async (file) => ({ filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await base64(file) })));
    const body = {
      ...(to.length > 0 ? { to } : {}),
      ...(this.#patient.value ? { patientIns: this.#patient.value } : {}),
      ...(this.#subject.value.trim() ? { subject: this.#subject.value.trim() } : {}),
      text: this.#text.value,
      ...(this.start.replyTo ? { inReplyToUid: this.start.replyTo.uid } : {}),
      ...(this.start.end ? { end: 'subject' } : {}),
      ...(this.#noReply.checked ? { noReply: true } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
    };
    try {
      const result = await send<SendResult>('POST', `${this.base}/messages`, body);
      if (!result) return;
      if (result.status === 'sent') {
        replace(this.#result, el('p', {}, meaningBadge('delivered', 'Envoyé'), ` « ${result.subject} » à ${result.to.join(', ')}`));
        this.sent();
      } else {
        replace(this.#result, callout('refused', [result.status === 'refused' ? result.reason : result.shownToUser], 'Message non envoyé'));
      }
    } catch (error) {
      replace(this.#result, callout('bounced', [errorMessage(error)], 'Échec'));
    }
  }
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
