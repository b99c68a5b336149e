// Drawing a part of a page again replaces its elements, and the keyboard falls back to the page's
// body: a keyboard user who had tabbed from her reply to « Répondre » as a message arrived was sent
// back to the top of the page. redrawKeepingFocus puts the focus back on the control that stands
// where the focused one stood: same element, same name, label or text, in a form, section,
// navigation or article of the same label (and for a radio button or a box, the same value).

export function redrawKeepingFocus(root: HTMLElement, draw: () => void): void {
  const before = document.activeElement;
  const key = before instanceof HTMLElement && before !== root && root.contains(before) ? focusKey(before) : undefined;
  draw();
  if (key === undefined || document.activeElement === before) return;
  const match = [...root.querySelectorAll<HTMLElement>(key.tag)].find((candidate) => focusKey(candidate)?.identity === key.identity);
  match?.focus({ preventScroll: true });
}

function focusKey(element: HTMLElement): { readonly tag: string; readonly identity: string } | undefined {
  const own = element.getAttribute('name') ?? element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
  if (own === '') return undefined;
  const scope = element.parentElement?.closest('form[aria-label], section[aria-label], nav[aria-label], article[aria-label]')?.getAttribute('aria-label') ?? '';
  const value = element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox') ? element.value : '';
  return { tag: element.tagName.toLowerCase(), identity: [scope, own, value].join('\u0000') };
}
