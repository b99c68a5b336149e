// What a flow entry or a demonstration outcome means, as the design system's meanings
// (remis, avis de non-remise, refus, échange clos, non répondable, information): the colour,
// icon and word a row, a badge or a callout carries. Pure: no DOM.
import type { Meaning } from '../design/meaning.ts';
import { compactReason, FLOW_KIND_LABELS } from './labels.ts';
import type { FlowEntry, FlowKind } from './types.ts';

const KIND_MEANINGS: Readonly<Record<FlowKind, Meaning>> = {
  delivered: 'delivered',
  bounced: 'bounced',
  'refused-at-rcpt': 'refused',
  'patient-refused': 'refused',
  receipt: 'info',
  'auto-reply': 'info',
};

export interface FlowBadge {
  readonly meaning: Meaning;
  readonly text: string;
}

export function flowMeaning(entry: FlowEntry): Meaning {
  return KIND_MEANINGS[entry.kind] ?? 'info';
}

/** The kind, then the marks: « [FIN] » closes the exchange, a non-replyable message, written by the patient. */
export function flowBadges(entry: FlowEntry): FlowBadge[] {
  const badges: FlowBadge[] = [{ meaning: flowMeaning(entry), text: FLOW_KIND_LABELS[entry.kind] ?? entry.kind }];
  if (entry.closesConversation) badges.push({ meaning: 'closed', text: 'échange clos par « [FIN] »' });
  if (entry.noReply) badges.push({ meaning: 'no-reply', text: 'non répondable' });
  if (entry.fromPatient) badges.push({ meaning: 'info', text: 'écrit par le patient' });
  return badges;
}

/**
 * The reason a room reads, whole: the guide's bounce sentence with the recipient's name instead
 * of the address (« Non distribué à Gérard Lambert, patient, car <cause> »), any other reason
 * as it is (REG-ANR-03, SC.MSS/UX.30).
 */
export function reasonText(entry: FlowEntry, label: (address: string) => string = (address) => address): string | undefined {
  if (!entry.reason) return undefined;
  const cause = compactReason(entry.reason);
  if (cause === entry.reason || !cause.startsWith('car ')) return entry.reason;
  if (!entry.originalRecipient) return `Non distribué, ${cause}`;
  const name = label(entry.originalRecipient);
  return `Non distribué à ${name}${name.includes(', ') ? ',' : ''} ${cause}`;
}

/** The meaning of a demonstration step's French outcome sentence. */
export function outcomeMeaning(outcome: string): Meaning {
  if (/^Échec de l'étape/.test(outcome)) return 'refused';
  if (/non-remise|non distribué/i.test(outcome)) return 'bounced';
  if (/\brefus|refusé/i.test(outcome)) return 'refused';
  if (/n'autorise pas la réponse|non répondable/i.test(outcome)) return 'no-reply';
  if (/\bclose\b|\bclos\b|mis fin/i.test(outcome)) return 'closed';
  if (/\bremis|\bremise\b/i.test(outcome)) return 'delivered';
  return 'info';
}

/** An internal identifier (store, flow, transmission, connection, run): never shown to a room. */
export const INTERNAL_ID = /\b[a-z]{1,2}-\d{4,}\b/;
