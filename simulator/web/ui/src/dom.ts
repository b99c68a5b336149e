// DOM building without innerHTML: every text goes through textContent, so message data (subjects,
// addresses, headers, raw sources) can never become markup (safety).

type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  /** Attributes set with setAttribute (never `style`, never event handlers: CSP `style-src 'self'`). */
  readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  append(element, ...children);
  return element;
}

/**
 * Text whose lines may break after « @ » and « . » (a `<wbr>` there): a narrow column cuts an
 * address between its parts (« pharmacie.duparc@ / pharmacien.mssante.fr ») rather than inside
 * a word; `overflow-wrap: anywhere` stays the last resort.
 */
export function breakableText(text: string): Child[] {
  return text.split(/(?<=[@.])/).flatMap((part, i) => (i === 0 ? [part] : [document.createElement('wbr'), part]));
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces the children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing element #${id} in index.html`);
  return element as T;
}

export function button(label: string, onClick: () => void, className = ''): HTMLButtonElement {
  const element = el('button', { className, text: label, attrs: { type: 'button' } });
  element.addEventListener('click', onClick);
  return element;
}

/** A labelled form control: `<label>text <control></label>`. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { className: 'field' }, el('span', { text }), control);
}

export function select(options: readonly { value: string; label: string }[], name: string): HTMLSelectElement {
  const element = el('select', { attrs: { name } });
  for (const option of options) element.appendChild(el('option', { text: option.label, attrs: { value: option.value } }));
  return element;
}

// One formatter for every row: `toLocaleTimeString` builds one per call, which was a fifth of
// the page's CPU while a flood of live entries was drawn.
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const COUNT = new Intl.NumberFormat('fr-FR');

/** A count as French writes it (« 2 980 »). */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}
