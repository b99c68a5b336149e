// The French text journal as a reader of observations: one transcript per connection with the
// protocol lines both ways (`C`, `S`) and the facts (`*`) written in French from the typed
// observations (TLS, AUTH, routing, errors). The wording is the journal's alone; no other reader
// parses it.
import type { Journal } from './journal.ts';
import { describeAuth, describeClientHello, describeReadReceipt, describeRouting } from './fact-wording.ts';
import type { ObservationSource } from './observation-bus.ts';

export function writeJournal(bus: ObservationSource, journal: Journal): void {
  bus.on('connection-opened', (o) => journal.open({ id: o.connectionId, endpoint: o.endpoint, remoteAddress: o.remoteAddress }));
  bus.on('connection-closed', (o) => journal.close(o.connectionId));
  bus.on('protocol-line', (o) => journal.record(o.connectionId, o.direction, o.text, o.at));
  bus.on('connection-note', (o) => journal.record(o.connectionId, '*', o.text));
  bus.on('connection-error', (o) => journal.record(o.connectionId, '*', `erreur de connexion : ${o.message}`));
  // SMTP handshake failures are already in the transcript as the library's connection error.
  bus.on('tls-failed', (o) => {
    if (o.connectionId.startsWith('imap')) journal.record(o.connectionId, '*', `échec de la négociation TLS : ${o.reason}`);
  });
  bus.on('tls-established', (o) => {
    journal.record(o.connectionId, '*', `TLS établi : ${o.protocol}, ${o.cipherSuite}`);
    const subject = o.clientCertificateSubject;
    if (subject !== undefined && o.connectionId.startsWith('imap')) {
      journal.record(o.connectionId, '*', o.clientCertificateTrusted ? `certificat client reconnu : ${subject}` : `certificat client non reconnu (${subject}) : ${o.clientCertificateError ?? ''}`);
    }
  });
  bus.on('tls-client-hello', (o) => journal.record(o.connectionId, '*', describeClientHello(o.offer)));
  bus.on('auth', (o) => journal.record(o.connectionId, '*', describeAuth(o)));
  bus.on('smtp-refusal', (o) => journal.record(o.connectionId, '*', `refus ${o.code} ${o.enhanced} : ${o.detail}`));
  bus.on('message-accepted', (o) => {
    const { transmission } = o;
    if (!transmission.connectionId) return;
    journal.record(transmission.connectionId, '*', describeRouting(transmission.id, transmission.outcomes));
    const readReceipt = describeReadReceipt(transmission.index);
    if (readReceipt) journal.record(transmission.connectionId, '*', readReceipt);
  });
}
