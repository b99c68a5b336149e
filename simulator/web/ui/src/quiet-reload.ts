// Parts of the pages are drawn again when the trust space changes: the apps (Mon espace santé,
// webmail) once their data is read again, the trainer's live flow (new rows on top), console,
// conversations and demonstrations at their live events. Drawn again, a field loses its draft, and a button moved in the page while
// pressed loses its click: Chromium forgets a press whose element left the document (a patient
// pressing « Répondre » as a message arrived lost her reply: pressing the button took the focus
// from her text, which let the waiting redraw come, under her finger). So a redraw waits while
// the user types in a field of that part, and while a mouse button or a finger is down in it; it
// comes once she leaves the field, or right after the press has given its click. The function
// given draws the latest state: of several redraws asked meanwhile, one is enough.

/** Per root, the element whose leaving will draw it again (one redraw waits, however many were asked). */
const waitingOn = new WeakMap<HTMLElement, Element>();
/** Per root, a redraw waiting for the press to end. */
const waitingForRelease = new WeakSet<HTMLElement>();
const afterRelease: (() => void)[] = [];
let pressed: Node | null = null;

if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', (event) => (pressed = event.target instanceof Node ? event.target : null), true);
  const release = () => {
    pressed = null;
    // After the click this press gives (dispatched in the same task as the release).
    const waiting = afterRelease.splice(0);
    if (waiting.length > 0) setTimeout(() => waiting.forEach((run) => run()));
  };
  for (const end of ['pointerup', 'pointercancel', 'mouseup', 'dragend']) document.addEventListener(end, release, true);
  window.addEventListener('blur', release); // released outside the window, which then gets no pointerup
}

/** Runs `draw` (which draws `root` again, from the latest state) now, or once the user is no longer typing in a field nor pressing inside `root`. */
export function whenUndisturbed(root: HTMLElement, draw: () => void): void {
  if (pressed && root.contains(pressed)) {
    if (waitingForRelease.has(root)) return;
    waitingForRelease.add(root);
    afterRelease.push(() => {
      waitingForRelease.delete(root);
      whenUndisturbed(root, draw);
    });
    return;
  }
  const active = document.activeElement;
  if ((active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement || active instanceof HTMLSelectElement) && root.contains(active)) {
    if (waitingOn.get(root) === active) return;
    waitingOn.set(root, active);
    // Checked once focus has moved (to a button being pressed, say): `activeElement` is the body during `blur`.
    active.addEventListener('blur', () => setTimeout(() => {
      if (waitingOn.get(root) === active) waitingOn.delete(root);
      whenUndisturbed(root, draw);
    }), { once: true });
    return;
  }
  draw();
}

