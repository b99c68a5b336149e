// The outcome line of a side by side demonstration step, read from what the trust space did:
// the flow entry of the message the step sent (remis, avis de non-remise with its sentence,
// refus de Mon espace santé with its reason, refus à RCPT), in French, with its meaning. Pure.
import type { Meaning } from '../../design/meaning.ts';
import { flowBadges, flowMeaning, reasonText } from '../flow-meaning.ts';
import type { FlowEntry } from '../types.ts';

export interface StepOutcome {
  readonly meaning: Meaning;
  readonly sentence: string;
}

/** The entry that tells what became of a message `actor` just sent: its own entry, or a report or refusal addressed to it. */
export function isOutcomeOf(entry: FlowEntry, actor: string): boolean {
  const mine = entry.from === actor && entry.kind !== 'receipt' && entry.kind !== 'auto-reply';
  const reportToMe = entry.to.includes(actor) && (entry.kind === 'bounced' || entry.kind === 'refused-at-rcpt');
  return mine || reportToMe;
}

export function outcomeOfEntry(entry: FlowEntry, label: (address: string) => string): StepOutcome {
  const to = entry.to.map(label).join(', ');
  switch (entry.kind) {
    case 'bounced':
      return { meaning: 'bounced', sentence: `Avis de non-remise reçu${entry.status ? ` (${entry.status})` : ''} : ${reasonText(entry, label) ?? entry.subject}` };
    case 'patient-refused':
      return { meaning: 'refused', sentence: `Refusé par Mon espace santé, le message ne part pas : « ${entry.reason ?? ''} »` };
    case 'refused-at-rcpt':
      return { meaning: 'refused', sentence: `Refusé à l'envoi pour ${label(entry.originalRecipient ?? to)} : ${entry.reason ?? ''}` };
    default: {
      const marks = flowBadges(entry).slice(1).map((badge) => badge.text);
      const meaning: Meaning = entry.closesConversation ? 'closed' : entry.noReply ? 'no-reply' : flowMeaning(entry);
      return { meaning, sentence: `« ${entry.subject} » remis à ${to}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}.` };
    }
  }
}
