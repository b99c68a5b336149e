// What the side by side page does in place of a person, in the real screens of the webmail and
// the app: waits (bounded) for an element to be shown, points at a button then clicks it, types
// a text character by character (a short animation, skipped « sans animation » or under
// prefers-reduced-motion), chooses an option, and briefly highlights what just arrived.
import { DemonstrationUiError } from './demonstration-ui-error.ts';

const WAIT_MS = 10_000;
/** A whole field is typed in about this long, whatever its length. */
const TYPING_MS = 1_200;
const MAX_CHAR_MS = 35;
const POINT_MS = 350;
const HIGHLIGHT_MS = 4_000;

export class UiRobot {
  constructor(private readonly animate: () => boolean) {}

  /** The first element `find` returns, as soon as the page shows it; rejects after a bounded wait. */
  waitFor<T extends Element>(find: () => T | null | undefined, what: string, timeoutMs = WAIT_MS): Promise<T> {
    return new Promise((resolve, reject) => {
      const found = find();
      if (found) return resolve(found);
      const observer = new MutationObserver(() => {
        const element = find();
        if (!element) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(element);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new DemonstrationUiError(`${what} n'apparaît pas à l'écran.`));
      }, timeoutMs);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
  }

  /** Scrolls to the button, shows it pointed at, then clicks it as a person would. */
  async click(element: HTMLElement): Promise<void> {
    element.scrollIntoView({ block: 'nearest' });
    if (this.animate()) {
      element.classList.add('robot-pointed');
      await pause(POINT_MS);
      element.classList.remove('robot-pointed');
    }
    element.focus(); // as a pointer does: the field left behind lets its screen refresh
    element.click();
  }

  /** Empties the field and types `text` into it, one `input` event per character. */
  async type(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
    field.scrollIntoView({ block: 'nearest' });
    field.focus();
    field.value = '';
    const animate = this.animate();
    const perChar = Math.min(MAX_CHAR_MS, TYPING_MS / Math.max(1, text.length));
    for (const char of animate ? [...text] : [text]) {
      field.value += char;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      if (animate) await pause(perChar);
    }
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Chooses the option `value` of a list, as a person would. */
  async choose(select: HTMLSelectElement, value: string): Promise<void> {
    select.scrollIntoView({ block: 'nearest' });
    select.focus();
    if (this.animate()) await pause(POINT_MS);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Marks what `find` shows for a few seconds, again when its screen redraws it (a colour fade; a static outline under reduced motion). */
  highlight(find: () => Element | null | undefined): void {
    let marked: Element | undefined;
    const mark = () => {
      const element = find();
      if (!element || element === marked) return;
      marked?.classList.remove('just-arrived');
      element.classList.add('just-arrived');
      if (!marked) element.scrollIntoView({ block: 'nearest' });
      marked = element;
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => {
      observer.disconnect();
      marked?.classList.remove('just-arrived');
    }, HIGHLIGHT_MS);
  }
}

/** The first `selector` inside `root` whose text contains `text`. */
export function withText(root: ParentNode, selector: string, text: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((element) => (element.textContent ?? '').includes(text));
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
