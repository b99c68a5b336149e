// The view tabs (WAI-ARIA tabs pattern): click or Enter selects; Left/Right/Home/End move
// between tabs; a view opens at its top; the address keeps the view (`#espace`) so that a trainer can bookmark it.
export function setUpTabs(tablist: HTMLElement, onShow: (panelId: string) => void): void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const show = (tab: HTMLButtonElement, focus: boolean) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    // Each view opens at its top, headings in sight.
    tab.closest('body')?.querySelector('main')?.scrollTo({ top: 0 });
    window.scrollTo({ top: 0 });
    const panelId = tab.getAttribute('aria-controls') ?? '';
    history.replaceState(null, '', `#${panelId.replace(/^vue-/, '')}`);
    onShow(panelId);
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => show(tab, false));
    tab.addEventListener('keydown', (event) => {
      const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1 + tabs.length, Home: 0, End: tabs.length - 1 };
      const target = moves[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const next = tabs[target % tabs.length];
      if (next) show(next, true);
    });
  });
  const initial = tabs.find((tab) => tab.getAttribute('aria-controls') === `vue-${location.hash.slice(1)}`);
  if (initial) show(initial, false);
}
