// What a side by side step did in the screens: a message left (its outcome comes from the live
// flow) or, when nothing was sent, the outcome read from what the screen shows.
import type { StepOutcome } from './step-outcome.ts';
import type { UiRobot } from './ui-robot.ts';

export type Performed = { readonly kind: 'sent' } | { readonly kind: 'shown'; readonly outcome: StepOutcome };

/** The two screens a step acts in. */
export interface Screens {
  readonly robot: UiRobot;
  readonly webmail: HTMLElement;
  readonly app: HTMLElement;
}

export const SENT: Performed = { kind: 'sent' };

/** The text of a design system callout without its title: the sentence the server sent. */
export function calloutMessage(callout: Element): string {
  const body = callout.querySelector('.callout-body');
  return [...(body?.childNodes ?? [])].filter((node) => !(node instanceof Element && node.classList.contains('callout-title'))).map((node) => node.textContent ?? '').join(' ').trim();
}
