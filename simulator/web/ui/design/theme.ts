// The presentation theme (projector: dark, high contrast, ≥ 20 px text, technical fields
// hidden): a toggle remembered in localStorage, applied on <html data-theme="presentation">
// before the first paint when the script runs early. Listeners hear every change.

const STORAGE_KEY = 'mss-sim-presentation';
const listeners = new Set<(on: boolean) => void>();

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'oui';
  } catch {
    return false; // storage refused (private mode, sandbox): the normal theme
  }
}

export function isPresentation(): boolean {
  return document.documentElement.dataset['theme'] === 'presentation';
}

export function setPresentation(on: boolean): void {
  if (on) document.documentElement.dataset['theme'] = 'presentation';
  else delete document.documentElement.dataset['theme'];
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'oui' : 'non');
  } catch {
    // not remembered, still applied
  }
  for (const listener of listeners) listener(on);
}

/** Applies the remembered choice; call once at start. */
export function applyStoredTheme(): void {
  if (stored()) document.documentElement.dataset['theme'] = 'presentation';
}

export function onPresentationChange(listener: (on: boolean) => void): void {
  listeners.add(listener);
}

/** A switch button (aria-pressed) that toggles the presentation theme. */
export function presentationToggle(label = 'Mode présentation'): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary presentation-toggle';
  button.textContent = label;
  const sync = () => button.setAttribute('aria-pressed', String(isPresentation()));
  sync();
  button.addEventListener('click', () => setPresentation(!isPresentation()));
  onPresentationChange(sync);
  return button;
}
