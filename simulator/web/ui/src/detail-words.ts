// The message view's first lines in plain words: the lesson (the reason, or what happened) and
// who wrote to whom, with names rather than addresses (« Le service de non-remise de
// CNAM – Mon espace santé prévient Pharmacie du Parc : son message à Gérard Lambert, patient,
// n'a pas été remis. »). Pure: no DOM.
import type { Meaning } from '../design/meaning.ts';
import { flowMeaning, reasonText } from './flow-meaning.ts';
import type { FlowEntry } from './types.ts';

export interface DetailLead {
  readonly meaning: Meaning;
  /** The callout's title: « Motif de l'avis de non-remise », « Message remis »… */
  readonly title: string;
  /** The reason whole, or what happened. */
  readonly lead: string;
  /** Who wrote to whom, in one sentence. */
  readonly story: string;
}

export function detailLead(entry: FlowEntry, label: (address: string) => string): DetailLead {
  const meaning = flowMeaning(entry);
  const to = entry.to.map(label).join(', ') || 'personne';
  const from = entry.from ? label(entry.from) : 'Un expéditeur vide';
  const about = entry.originalRecipient ? label(entry.originalRecipient) : undefined;
  const reason = reasonText(entry, label);
  switch (entry.kind) {
    case 'bounced':
      return { meaning, title: 'Motif de l\'avis de non-remise', lead: reason ?? 'Le message n\'a pas pu être remis.', story: `${capitalise(from)} prévient ${to} : son message${about ? ` à ${apposed(about)}` : ''} n'a pas été remis.` };
    case 'refused-at-rcpt':
      return { meaning, title: 'Motif du refus', lead: reason ?? 'Le destinataire a été refusé.', story: `Le simulateur a refusé le destinataire ${about ?? to} du message de ${from} : le message n'est pas parti vers lui.` };
    case 'patient-refused':
      return { meaning, title: 'Motif du refus de Mon espace santé', lead: reason ?? 'Mon espace santé a refusé ce message.', story: `Mon espace santé a refusé le message de ${from} à ${to} : il n'est pas parti.` };
    case 'receipt':
      return { meaning, title: 'Accusé de réception', lead: reason ?? `Le message${about ? ` à ${about}` : ''} a été remis.`, story: `${capitalise(from)} confirme à ${to} la remise de son message${about ? ` à ${about}` : ''}.` };
    case 'auto-reply':
      return { meaning, title: 'Réponse automatique', lead: 'Une boîte a répondu automatiquement.', story: `${capitalise(from)} a répondu automatiquement à ${to}.` };
    default: {
      const marks = [entry.closesConversation ? 'Ce message « [FIN] » clôt l\'échange : le patient ne peut plus répondre.' : '', entry.noReply ? 'Ce message n\'autorise pas la réponse.' : ''].filter(Boolean);
      return {
        meaning: entry.closesConversation ? 'closed' : entry.noReply ? 'no-reply' : meaning,
        title: 'Message remis',
        lead: marks.join(' ') || `Message remis à ${to}.`,
        story: `${capitalise(from)} a écrit à ${to}${entry.fromPatient ? ' depuis Mon espace santé' : ''}.`,
      };
    }
  }
}

/** « Gérard Lambert, patient » inside a sentence takes its closing comma. */
function apposed(label: string): string {
  return label.includes(', ') ? `${label},` : label;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
