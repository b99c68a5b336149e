// The meanings a colour may carry in the web front end, each with its French word and its
// icon (never colour alone, WCAG 2.1 SC 1.4.1). CSS: class `meaning-<name>` (components.css).
// Pure: no DOM.
import type { IconName } from './icon-shapes.ts';

export type Meaning = 'delivered' | 'bounced' | 'refused' | 'closed' | 'no-reply' | 'info' | 'pending';

export interface MeaningDescription {
  /** The French word shown with the colour. */
  readonly label: string;
  readonly icon: IconName;
}

export const MEANINGS: Readonly<Record<Meaning, MeaningDescription>> = {
  delivered: { label: 'remis', icon: 'delivered' },
  bounced: { label: 'avis de non-remise', icon: 'bounced' },
  refused: { label: 'refus', icon: 'refused' },
  closed: { label: 'échange clos', icon: 'closed' },
  'no-reply': { label: 'non répondable', icon: 'no-reply' },
  info: { label: 'information', icon: 'info' },
  pending: { label: 'en cours', icon: 'pending' },
};

export function meaningClass(meaning: Meaning): string {
  return `meaning-${meaning}`;
}
