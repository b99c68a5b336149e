// What the simulator saw since a mark (« a manual run is judged by the same traffic checks »):
// the message the person made the client submit (transmission log), the operator's refusal of it
// (observed SMTP exchanges), a mailbox read over IMAP (observed IMAP commands), authentication
// refusals. Read-only over the trust space's typed observations; no transcript text is parsed.
import type { SmtpExchange, Transmission, TrustSpace } from '../../../simulator/public-api.ts';
import { describeAuth, sameAddress } from '../../../simulator/public-api.ts';
import { submissionRefusal, type SubmissionRefusal } from './submission-refusal.ts';

export type TrafficSource = Pick<TrustSpace, 'observations' | 'transmissions'>;

/** Where the traffic stood when an instruction was given: known transmissions, last observation. */
export interface TrafficMark {
  readonly transmissions: ReadonlySet<string>;
  readonly seq: number;
}

export interface SubmissionExpectation {
  /** The configured mailbox of the client under test. */
  readonly mailbox: string;
  /** Compared without case and extra spaces; absent: any message from the mailbox. */
  readonly subject?: string;
}

/** Commands a client sends when it reads a mailbox (RFC 3501 §6.3–6.4); `DONE` ends IDLE. */
const MAILBOX_READ = new Set(['SELECT', 'EXAMINE', 'FETCH', 'UID FETCH', 'STATUS', 'NOOP', 'SEARCH', 'UID SEARCH', 'IDLE', 'CHECK']);

export function markTraffic(source: TrafficSource): TrafficMark {
  return { transmissions: new Set(source.transmissions.all().map((t) => t.id)), seq: source.observations.lastSeq };
}

/** Every message the mailbox submitted (ingress `submission`), in order. */
export function submittedBy(source: TrafficSource, mailbox: string): Transmission[] {
  return source.transmissions.all().filter((t) => t.ingress === 'submission' && sameAddress(t.authenticatedMailbox ?? t.envelope.mailFrom, mailbox));
}

/** The first message submitted by the mailbox since the mark, with the expected subject. */
export function submittedSince(source: TrafficSource, mark: TrafficMark, expected: SubmissionExpectation): Transmission | undefined {
  const subject = expected.subject === undefined ? undefined : comparable(expected.subject);
  return submittedBy(source, expected.mailbox).find((t) => !mark.transmissions.has(t.id) && (subject === undefined || comparable(t.index.subject ?? '') === subject));
}

/** The first refusal the operator answered to the mailbox's submissions since the mark. */
export function refusedSince(source: TrafficSource, mark: TrafficMark, mailbox: string): SubmissionRefusal | undefined {
  const connections = connectionsOf(source, mailbox);
  const closed = new Set(source.observations.list('connection-closed').map((o) => o.connectionId));
  const byConnection = new Map<string, SmtpExchange[]>();
  for (const exchange of source.observations.list('smtp-exchange')) {
    if (exchange.endpoint !== 'submission' || !connections.has(exchange.connectionId)) continue;
    byConnection.set(exchange.connectionId, [...(byConnection.get(exchange.connectionId) ?? []), exchange]);
  }
  for (const [connectionId, exchanges] of byConnection) {
    const observed = exchanges as (SmtpExchange & { seq: number })[];
    if (!observed.some((e) => e.seq > mark.seq)) continue;
    const refusal = submissionRefusal(observed, mark.seq, closed.has(connectionId));
    if (refusal) return refusal;
  }
  return undefined;
}

/** The mailbox was read over IMAP since the mark (a new connection or a command on an open one). */
export function mailboxReadSince(source: TrafficSource, mark: TrafficMark, mailbox: string): boolean {
  const connections = connectionsOf(source, mailbox);
  return source.observations.list('imap-command', mark.seq).some((command) => connections.has(command.connectionId) && (MAILBOX_READ.has(command.verb) || command.verb === 'DONE'));
}

/** Authentication refusals of the mailbox since the mark (SMTP or IMAP), in French: a hint for the person. */
export function authRefusalsSince(source: TrafficSource, mark: TrafficMark, mailbox: string): string[] {
  return source.observations
    .list('auth', mark.seq)
    .filter((attempt) => attempt.outcome === 'failure' && sameAddress(attempt.identity, mailbox))
    .map((attempt) => describeAuth(attempt));
}

/** Connections that authenticated as the mailbox. */
function connectionsOf(source: TrafficSource, mailbox: string): Set<string> {
  return new Set(source.observations.list('auth').flatMap((attempt) => (attempt.outcome === 'success' && sameAddress(attempt.mailbox ?? '', mailbox) ? [attempt.connectionId] : [])));
}

function comparable(subject: string): string {
  return subject.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
