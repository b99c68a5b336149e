// What the simulator saw since a mark (REG-DEC-04: « a manual run is judged by the same traffic
// checks »): the message the person made the client submit (transmission log), the operator's
// refusal of it (journal), a mailbox read over IMAP (journal). Read-only over the trust space.
import type { ConnectionTranscript } from '../../../simulator/mail/journal.ts';
import type { Transmission } from '../../../simulator/routing/transmission-log.ts';
import type { TrustSpace } from '../../../simulator/trust-space/trust-space.ts';
import { authenticatedMailbox, submissionRefusal, type SubmissionRefusal } from './submission-refusal.ts';

export type TrafficSource = Pick<TrustSpace, 'journal' | 'transmissions'>;

/** Where the traffic stood when an instruction was given: known transmissions, journal lines per connection. */
export interface TrafficMark {
  readonly transmissions: ReadonlySet<string>;
  readonly lines: ReadonlyMap<string, number>;
}

export interface SubmissionExpectation {
  /** The configured mailbox of the client under test. */
  readonly mailbox: string;
  /** Compared without case and extra spaces; absent: any message from the mailbox. */
  readonly subject?: string;
}

const IMAP_ENDPOINTS = new Set(['imap', 'imaps']);
/** Commands a client sends when it reads a mailbox (RFC 3501 §6.3–6.4), tag first; `DONE` ends IDLE. */
const MAILBOX_READ = /^(?:\S+\s+(?:UID\s+)?(?:SELECT|EXAMINE|FETCH|STATUS|NOOP|SEARCH|IDLE|CHECK)\b|DONE$)/i;

export function markTraffic(source: TrafficSource): TrafficMark {
  const lines = new Map<string, number>();
  for (const transcript of transcripts(source)) lines.set(transcript.id, transcript.lines.length);
  return { transmissions: new Set(source.transmissions.all().map((t) => t.id)), lines };
}

/** Every message the mailbox submitted (ingress `submission`), in order. */
export function submittedBy(source: TrafficSource, mailbox: string): Transmission[] {
  const wanted = mailbox.toLowerCase();
  return source.transmissions.all().filter((t) => t.ingress === 'submission' && (t.authenticatedMailbox ?? t.envelope.mailFrom).toLowerCase() === wanted);
}

/** The first message submitted by the mailbox since the mark, with the expected subject. */
export function submittedSince(source: TrafficSource, mark: TrafficMark, expected: SubmissionExpectation): Transmission | undefined {
  const subject = expected.subject === undefined ? undefined : comparable(expected.subject);
  return submittedBy(source, expected.mailbox).find((t) => !mark.transmissions.has(t.id) && (subject === undefined || comparable(t.index.subject ?? '') === subject));
}

/** The first refusal the operator answered to the mailbox's submissions since the mark. */
export function refusedSince(source: TrafficSource, mark: TrafficMark, mailbox: string): SubmissionRefusal | undefined {
  for (const transcript of transcripts(source, 'submission')) {
    const from = mark.lines.get(transcript.id) ?? 0;
    if (transcript.lines.length <= from || authenticatedMailbox(transcript.lines) !== mailbox.toLowerCase()) continue;
    const refusal = submissionRefusal(transcript.lines, from, transcript.closedAt !== undefined);
    if (refusal) return refusal;
  }
  return undefined;
}

/** The mailbox was read over IMAP since the mark (a new connection or a command on an open one). */
export function mailboxReadSince(source: TrafficSource, mark: TrafficMark, mailbox: string): boolean {
  return transcripts(source).some((transcript) => {
    if (!IMAP_ENDPOINTS.has(transcript.endpoint) || authenticatedMailbox(transcript.lines) !== mailbox.toLowerCase()) return false;
    const from = mark.lines.get(transcript.id) ?? 0;
    return transcript.lines.slice(from).some((line) => line.direction === 'C' && MAILBOX_READ.test(line.text));
  });
}

/** Authentication refusals of the mailbox since the mark (SMTP or IMAP), as journal facts: a hint for the person. */
export function authRefusalsSince(source: TrafficSource, mark: TrafficMark, mailbox: string): string[] {
  const wanted = mailbox.toLowerCase();
  return transcripts(source).flatMap((transcript) =>
    transcript.lines
      .slice(mark.lines.get(transcript.id) ?? 0)
      .filter((line) => line.direction === '*' && line.text.startsWith('AUTH ') && line.text.includes(' refusée') && line.text.toLowerCase().includes(wanted))
      .map((line) => line.text),
  );
}

function transcripts(source: TrafficSource, endpoint?: string): ConnectionTranscript[] {
  return source.journal.connections().flatMap((info) => {
    if (endpoint !== undefined && info.endpoint !== endpoint) return [];
    const transcript = source.journal.transcript(info.id);
    return transcript ? [transcript] : [];
  });
}

function comparable(subject: string): string {
  return subject.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
