// The professional webmail (a Mailiz-like web client) for one mailbox: folders (inbox, sent,
// bounces), the message list with what a correct client shows (a patient's message with her
// identity, SC.MSS/UX.25, UX.31; a bounce with its French sentence tied to the sent message,
// SC.MSS/UX.30, UX.35; a message that allows no reply), a message as text with its attachments,
// and the composer. The server side is a real IMAP and SMTP client of the simulator.
import { callout, meaningBadge } from '../../design/badge.ts';
import { icon } from '../../design/icons.ts';
import { errorMessage, getJson } from '../api.ts';
import { formatDateTime, formatSize } from '../app-shell.ts';
import { button, el, formatCount, replace } from '../dom.ts';
import { redrawKeepingFocus } from '../keep-focus.ts';
import { whenUndisturbed } from '../quiet-reload.ts';
import { WebmailCompose } from './webmail-compose.ts';
import type { ComposeStart, WebmailItem, WebmailMailbox } from './webmail-types.ts';

type Folder = 'inbox' | 'sent' | 'bounces';
const FOLDER_LABELS: Readonly<Record<Folder, string>> = { inbox: 'Boîte de réception', sent: 'Envoyés', bounces: 'Avis de non-remise' };

export class WebmailApp {
  #mailbox: WebmailMailbox | undefined;
  #folder: Folder = 'inbox';
  #selected: WebmailItem | undefined;
  #compose: WebmailCompose | undefined;
  readonly #texts = new Map<string, string>();

  constructor(private readonly root: HTMLElement, private readonly address: string, private readonly auth: 'oauth2' | 'password' = 'oauth2') {
    root.classList.add('wm-app');
  }

  get base(): string {
    return `/api/webmail/${encodeURIComponent(this.address)}`;
  }

  async load(): Promise<void> {
    try {
      this.#mailbox = await getJson<WebmailMailbox>(`${this.base}${this.auth === 'password' ? '?auth=password' : ''}`);
    } catch (error) {
      replace(this.root, callout('bounced', [errorMessage(error)], 'Connexion impossible'));
      return;
    }
    if (this.#selected) this.#selected = this.#mailbox.items.find((i) => i.folder === this.#selected?.folder && i.uid === this.#selected.uid);
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
    const mailbox = this.#mailbox;
    if (!mailbox) return;
    const login = this.auth === 'password' ? 'mot de passe (AUTH PLAIN)' : 'Pro Santé Connect (XOAUTH2)';
    const header = el('header', { className: 'wm-header' },
      el('span', { className: 'wm-brand' }, icon('mail'), 'Messagerie MSSanté'),
      el('span', { className: 'wm-who' }, el('strong', { text: mailbox.displayName }), el('span', { className: 'technical', text: ` ${mailbox.address} (${mailbox.type})` })),
      el('span', { className: 'muted wm-login', text: `Connexion : ${login}` }),
    );
    this.root.classList.toggle('showing-detail', this.#selected !== undefined || this.#compose !== undefined);
    replace(this.root, header, el('div', { className: 'wm-main' }, this.#folders(mailbox), this.#list(mailbox), el('section', { className: 'wm-reader', attrs: { 'aria-label': 'Lecture' } }, ...this.#reader())));
  }

  #items(mailbox: WebmailMailbox, folder: Folder): readonly WebmailItem[] {
    if (folder === 'bounces') return mailbox.items.filter((i) => i.kind === 'bounce');
    return mailbox.items.filter((i) => i.folder === folder && (folder !== 'inbox' || i.kind !== 'bounce'));
  }

  /** Messages in the IMAP folder behind a view (the bounces view shows part of the inbox). */
  #total(mailbox: WebmailMailbox, folder: Folder): number {
    return mailbox.totals[folder === 'sent' ? 'sent' : 'inbox'];
  }

  /** The IMAP folder behind a view holds more messages than the listing has (the newest `listedAtMost`). */
  #truncated(mailbox: WebmailMailbox, folder: Folder): boolean {
    return this.#total(mailbox, folder) > mailbox.listedAtMost;
  }

  #folders(mailbox: WebmailMailbox): HTMLElement {
    const entries = (Object.keys(FOLDER_LABELS) as Folder[]).map((folder) => {
      // « 200+ »: the folder holds more than listed (the bounces view says it in its list: « 0+ » would puzzle).
      const count = `${this.#items(mailbox, folder).length}${folder !== 'bounces' && this.#truncated(mailbox, folder) ? '+' : ''}`;
      const open = el('button', { className: `ghost wm-folder${folder === this.#folder ? ' selected' : ''}`, text: `${FOLDER_LABELS[folder]} (${count})`, attrs: { type: 'button', 'aria-current': String(folder === this.#folder) } });
      open.addEventListener('click', () => {
        this.#folder = folder;
        this.#selected = undefined;
        this.#compose = undefined;
        this.render();
      });
      return el('li', {}, open);
    });
    return el('nav', { className: 'wm-folders', attrs: { 'aria-label': 'Dossiers' } }, button('Nouveau message', () => this.#startCompose({}), 'wm-new'), el('ul', {}, ...entries));
  }

  #list(mailbox: WebmailMailbox): HTMLElement {
    const items = this.#items(mailbox, this.#folder);
    const rows = items.map((item) => {
      const who = item.folder === 'sent' ? `À : ${item.to.join(', ')}` : item.patient ? `${item.patient.birthName} ${item.patient.firstName}` : (item.from[0]?.name || item.from[0]?.address || '');
      const selected = this.#selected === item;
      const open = el('button', { className: `wm-row${selected ? ' selected' : ''}`, attrs: { type: 'button', 'aria-current': String(selected) } },
        el('span', { className: 'wm-row-who', text: who }),
        el('span', { className: 'wm-row-subject', text: item.subject || '(sans objet)' }),
        el('span', { className: 'wm-row-meta' }, el('time', { text: formatDateTime(item.date), attrs: { datetime: item.date } }), ...badges(item)),
      );
      open.addEventListener('click', () => {
        this.#selected = item;
        this.#compose = undefined;
        this.render();
      });
      return el('li', {}, open);
    });
    const total = this.#total(mailbox, this.#folder);
    const note = this.#truncated(mailbox, this.#folder)
      ? el('p', { className: 'muted wm-truncated', text: `Les ${mailbox.listedAtMost} messages les plus récents du dossier ${this.#folder === 'sent' ? 'Envoyés' : 'Réception'} sont listés, sur ${formatCount(total)}.` })
      : null;
    return el('section', { className: 'wm-list', attrs: { 'aria-label': FOLDER_LABELS[this.#folder] } }, el('h2', { text: FOLDER_LABELS[this.#folder] }), note, rows.length > 0 ? el('ul', {}, ...rows) : el('p', { className: 'muted', text: 'Aucun message.' }));
  }

  #startCompose(start: ComposeStart): void {
    this.#compose = new WebmailCompose(this.base, start, () => void this.load());
    this.render();
  }

  #reader(): (Node | null)[] {
    const back = button('Retour à la liste', () => {
      this.#selected = undefined;
      this.#compose = undefined;
      this.render();
    }, 'ghost wm-back');
    if (this.#compose) return [back, this.#compose.element];
    const item = this.#selected;
    if (!item) return [el('p', { className: 'muted wm-empty', text: 'Choisissez un message.' })];
    const body = el('div', { className: 'wm-body' });
    void this.#fillBody(item, body);
    const about = item.report?.aboutUid !== undefined ? this.#mailbox?.items.find((i) => i.folder === 'sent' && i.uid === item.report?.aboutUid) : undefined;
    const reportOf = item.delivery ? this.#mailbox?.items.find((i) => i.folder === 'inbox' && i.uid === item.delivery?.reportUid) : undefined;
    const canReply = item.folder === 'inbox' && item.kind !== 'bounce' && item.kind !== 'receipt' && !item.noReply;
    return [
      back,
      el('h2', { text: item.subject || '(sans objet)' }),
      el('dl', { className: 'wm-headers' },
        el('dt', { text: 'De' }), el('dd', { text: item.from.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ') }),
        el('dt', { text: 'À' }), el('dd', { text: item.to.join(', ') }),
        el('dt', { text: 'Date' }), el('dd', { text: formatDateTime(item.date) }),
      ),
      item.patient ? callout('info', [`${item.patient.birthName} ${item.patient.firstName}, matricule INS ${item.patient.ins}`], 'Message d\'un patient, depuis Mon espace santé') : null,
      item.report ? callout(item.report.status === 'undelivered' ? 'bounced' : 'delivered', [el('p', { className: 'wm-reason', text: item.report.reason }), about ? this.#link(`Message concerné : « ${about.subject} » (${formatDateTime(about.date)})`, about) : el('p', { className: 'muted', text: 'Message concerné introuvable dans « Envoyés ».' })], item.report.status === 'undelivered' ? 'Message non distribué' : 'Message distribué') : null,
      item.delivery ? callout(item.delivery.status === 'undelivered' ? 'bounced' : 'delivered', [el('p', { className: 'wm-reason', text: item.delivery.reason }), ...(reportOf ? [this.#link("Voir l'avis reçu", reportOf)] : [])], item.delivery.status === 'undelivered' ? 'Non distribué' : 'Distribué') : null,
      item.noReply ? meaningBadge('no-reply', 'Message non répondable (X-MSS-MES: FIN)') : null,
      body,
      canReply ? el('div', { className: 'wm-buttons' }, button('Répondre', () => this.#startCompose({ replyTo: item })), item.kind === 'patient-message' ? button("Terminer l'échange ([FIN])", () => this.#startCompose({ replyTo: item, end: true }), 'secondary') : null) : null,
    ];
  }

  #link(text: string, target: WebmailItem): HTMLElement {
    const link = el('button', { className: 'ghost wm-link', text, attrs: { type: 'button' } });
    link.addEventListener('click', () => {
      this.#folder = target.folder;
      this.#selected = target;
      this.render();
    });
    return link;
  }

  async #fillBody(item: WebmailItem, body: HTMLElement): Promise<void> {
    const key = `${item.folder}/${item.uid}`;
    try {
      const text = this.#texts.get(key) ?? (await getJson<{ text: string }>(`${this.base}/messages/${key}${this.auth === 'password' ? '?auth=password' : ''}`)).text;
      this.#texts.set(key, text);
      // Text only (textContent): no message can become markup or run script.
      replace(body, el('pre', { className: 'wm-text', text }), ...item.attachments.map((a) =>
        el('p', { className: 'wm-attachment' }, el('a', { attrs: { href: `${this.base}/messages/${key}/attachments/${a.index}`, download: a.filename } }, icon('attachment'), ` ${a.filename}`), ` ${a.contentType}, ${formatSize(a.size)} `, el('span', { className: 'technical', text: `SHA-256 ${a.sha256.slice(0, 16)}…` }))));
    } catch (error) {
      replace(body, el('p', { className: 'muted', text: errorMessage(error) }));
    }
  }
}

function badges(item: WebmailItem): HTMLElement[] {
  const shown: HTMLElement[] = [];
  if (item.kind === 'patient-message') shown.push(meaningBadge('info', 'Patient', 'patient'));
  if (item.kind === 'bounce') shown.push(meaningBadge('bounced'));
  if (item.kind === 'receipt') shown.push(meaningBadge('delivered', 'accusé de remise'));
  if (item.delivery?.status === 'undelivered') shown.push(meaningBadge('bounced', 'non distribué'));
  if (item.noReply) shown.push(meaningBadge('no-reply'));
  if (item.subject === '[FIN]') shown.push(meaningBadge('closed', 'fin de l\'échange'));
  if (item.attachments.length > 0) {
    const clip = el('span', { className: 'wm-clip', attrs: { title: `${item.attachments.length} pièce(s) jointe(s)` } }, icon('attachment', { label: 'pièce jointe' }));
    shown.push(clip);
  }
  return shown;
}
