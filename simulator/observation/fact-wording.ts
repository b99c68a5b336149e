// French wording of the facts the journal and the manual driver show a person: an AUTH attempt,
// where an accepted message went. Pure.
import type { RecipientOutcome } from '../routing/incoming-message.ts';
import type { AuthAttempt } from './observation.ts';

export function describeAuth(o: AuthAttempt): string {
  if (o.protocol === 'imap') {
    if (o.outcome === 'success') return `AUTH ${o.mechanism} réussie : ${o.mailbox ?? o.identity} (session ${o.sessionId ?? ''})`;
    return `AUTH ${o.mechanism} refusée : ${o.reason === 'authzid-mismatch' ? 'authzid différent' : `${o.reason ?? ''} (${o.identity})`}`;
  }
  if (o.outcome === 'success') return `AUTH ${o.mechanism} réussie : ${o.mailbox ?? o.identity}${o.mechanism === 'XOAUTH2' ? ` (session Pro Santé Connect ${o.sessionId ?? ''})` : ''}`;
  return `AUTH ${o.mechanism} refusée pour ${o.identity} : ${o.message ?? ''} (${o.reason ?? ''})`;
}

export function describeRouting(id: string, outcomes: readonly RecipientOutcome[]): string {
  const described = outcomes.map((recipient) =>
    recipient.outcome === 'delivered' ? `${recipient.recipient} → distribué (${recipient.storedId})` : `${recipient.recipient} → non distribué, avis de non-remise ${recipient.status}`,
  );
  return `message ${id} acheminé : ${described.join(' ; ')}`;
}
