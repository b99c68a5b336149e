// Reading an SMTP refusal in a submission transcript of the journal (simulator/mail/journal.ts):
// the operator refused a mail transaction at MAIL, RCPT or the end of DATA (replies of
// simulator/smtp/replies.ts, e.g. `550 5.7.1` for a recipient outside the liste blanche,
// DOMAIN.md A3). Pure: lines in, verdict out.
import type { JournalLine } from '../../../simulator/mail/journal.ts';

export interface SubmissionRefusal {
  /** The first refusal of the transaction, as on the wire: `550 5.7.1 Destinataire refusé : domaine hors liste blanche MSSanté`. */
  readonly reply: string;
  /** The transaction is over (RSET, QUIT, new MAIL, DATA refused, connection closed): nothing else will be accepted. */
  readonly ended: boolean;
}

const AUTH_SUCCESS = /^AUTH \S+ réussie : (\S+)/;
const REFUSAL = /^[45]\d\d[ -]/;

/** The mailbox a connection authenticated as, from the journal's `AUTH … réussie : <boîte>` fact. */
export function authenticatedMailbox(lines: readonly JournalLine[]): string | undefined {
  for (const line of lines) {
    const match = line.direction === '*' ? AUTH_SUCCESS.exec(line.text) : null;
    if (match?.[1]) return match[1].toLowerCase();
  }
  return undefined;
}

/**
 * The first refused transaction whose refusal is at index `from` or later. A transaction whose
 * message was finally accepted (some recipients refused, others accepted) is not a refusal: the
 * message reached the trust space and is found in the transmission log instead.
 */
export function submissionRefusal(lines: readonly JournalLine[], from: number, closed: boolean): SubmissionRefusal | undefined {
  let command = '';
  let refusal: { reply: string; at: number } | undefined;
  const counted = (ended: boolean): SubmissionRefusal | undefined => (refusal && refusal.at >= from ? { reply: refusal.reply, ended } : undefined);
  for (const [at, line] of lines.entries()) {
    if (line.direction === 'C') {
      if (refusal && /^(MAIL FROM|RSET|QUIT)\b/i.test(line.text)) {
        const found = counted(true);
        if (found) return found;
        refusal = undefined;
      }
      command = line.text;
      continue;
    }
    if (line.direction !== 'S') continue;
    const code = Number(line.text.slice(0, 3));
    if (isDataEnd(command)) {
      if (code === 250) refusal = undefined; // accepted: at least one recipient got it
      else if (REFUSAL.test(line.text)) refusal ??= { reply: line.text, at };
      const found = counted(true);
      if (found) return found;
      refusal = undefined;
    } else if (/^DATA$/i.test(command) && code !== 354 && refusal) {
      const found = counted(true); // DATA refused after every recipient was (e.g. 503 need RCPT)
      if (found) return found;
      refusal = undefined;
    } else if (/^(MAIL FROM|RCPT TO)/i.test(command) && REFUSAL.test(line.text)) {
      refusal ??= { reply: line.text, at };
    }
  }
  return counted(closed);
}

/** The journal records the message body as one `<N octets de DATA>` client line (journal-logger.ts). */
function isDataEnd(command: string): boolean {
  return /^<\d+ octets de DATA>$/.test(command) || /^<\? octets de DATA>$/.test(command);
}
