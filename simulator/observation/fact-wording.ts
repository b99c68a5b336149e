// French wording of the facts the journal and the manual driver show a person: an AUTH attempt,
// where an accepted message went, a read receipt asked for or returned. Pure.
import type { RecipientOutcome } from '../services/routing/incoming-message.ts';
import { reportType, type MessageIndex } from '../protocols/mime/message-reader.ts';
import type { ClientHelloReading } from './client-hello.ts';
import type { AuthAttempt } from './observation.ts';

export function describeAuth(o: AuthAttempt): string {
  if (o.protocol === 'imap') {
    if (o.outcome === 'success') return `AUTH ${o.mechanism} réussie : ${o.mailbox ?? o.identity} (session ${o.sessionId ?? ''})`;
    return `AUTH ${o.mechanism} refusée : ${o.reason === 'authzid-mismatch' ? 'authzid différent' : `${o.reason ?? ''} (${o.identity})`}`;
  }
  if (o.outcome === 'success') return `AUTH ${o.mechanism} réussie : ${o.mailbox ?? o.identity}${o.mechanism === 'XOAUTH2' ? ` (session Pro Santé Connect ${o.sessionId ?? ''})` : ''}`;
  return `AUTH ${o.mechanism} refusée pour ${o.identity} : ${o.message ?? ''} (${o.reason ?? ''})`;
}

/** What the client offered in its first TLS record, in one line. */
export function describeClientHello(reading: ClientHelloReading): string {
  if (reading.kind === 'truncated') return `ClientHello incomplet : ${reading.receivedBytes} octets reçus`;
  if (reading.kind === 'not-client-hello') return `premier enregistrement TLS invalide (${reading.reason}) : ${reading.preview}`;
  const { facts } = reading;
  const suites = facts.cipherSuites.map((suite) => suite.name ?? `0x${suite.code.toString(16).padStart(4, '0')}`);
  return `ClientHello : versions ${facts.supportedVersions.join(', ')} ; suites ${suites.join(', ')} ; groupes ${facts.groups.join(', ') || 'aucun'}${facts.sni ? ` ; SNI ${facts.sni}` : ''}${facts.alpn.length > 0 ? ` ; ALPN ${facts.alpn.join(', ')}` : ''}`;
}

export function describeRouting(id: string, outcomes: readonly RecipientOutcome[]): string {
  const described = outcomes.map((recipient) =>
    recipient.outcome === 'delivered' ? `${recipient.recipient} → distribué (${recipient.storedId})` : `${recipient.recipient} → non distribué, avis de non-remise ${recipient.status}`,
  );
  return `message ${id} acheminé : ${described.join(' ; ')}`;
}

/** Read receipts in a message's header (RFC 8098): asked for, or the message is one; undefined otherwise. */
export function describeReadReceipt(index: Pick<MessageIndex, 'contentType' | 'dispositionNotificationTo'>): string | undefined {
  if (reportType(index.contentType) === 'disposition-notification') return 'accusé de lecture (MDN, RFC 8098 : multipart/report; report-type=disposition-notification)';
  if (index.dispositionNotificationTo) return `accusé de lecture demandé à ${index.dispositionNotificationTo} (Disposition-Notification-To, RFC 8098)`;
  return undefined;
}
