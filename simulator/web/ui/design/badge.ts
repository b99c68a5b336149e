// Meaning badges and callouts of the design system (components.css): an icon, a French word
// and the meaning's colour together. Text only through textContent.
import { icon, type IconName } from './icons.ts';
import { MEANINGS, meaningClass, type Meaning } from './meaning.ts';

/** `<span class="badge meaning-…">icon word</span>`; the word defaults to the meaning's own. */
export function meaningBadge(meaning: Meaning, text: string = MEANINGS[meaning].label, iconName: IconName = MEANINGS[meaning].icon): HTMLSpanElement {
  const badge = document.createElement('span');
  badge.className = `badge ${meaningClass(meaning)}`;
  badge.append(icon(iconName), text);
  return badge;
}

/** A callout block: the meaning's icon, then the given content (title first when given). */
export function callout(meaning: Meaning, content: readonly (Node | string)[], title?: string): HTMLDivElement {
  const block = document.createElement('div');
  block.className = `callout ${meaningClass(meaning)}`;
  const body = document.createElement('div');
  body.className = 'callout-body';
  if (title) {
    const heading = document.createElement('div');
    heading.className = 'callout-title';
    heading.textContent = title;
    body.appendChild(heading);
  }
  body.append(...content);
  block.append(icon(MEANINGS[meaning].icon), body);
  return block;
}
