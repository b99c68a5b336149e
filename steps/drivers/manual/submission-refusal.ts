// Reading an SMTP refusal in the observed exchanges of a submission connection: the operator
// refused a mail transaction at MAIL, RCPT or the end of DATA (replies of the simulator's reply
// catalogue, e.g. `550 5.7.1` for a recipient outside the liste blanche). Pure: typed
// `smtp-exchange` observations in, verdict out.
import type { SmtpExchange } from '../../../simulator/public-api.ts';

export interface SubmissionRefusal {
  /** The first refusal of the transaction, as on the wire: `550 5.7.1 Destinataire refusé : domaine hors liste blanche MSSanté`. */
  readonly reply: string;
  /** The transaction is over (RSET, QUIT, new MAIL, DATA refused, connection closed): nothing else will be accepted. */
  readonly ended: boolean;
}

type Exchange = Pick<SmtpExchange, 'verb' | 'code' | 'enhanced' | 'text'> & { readonly seq: number };

/** The reply line as the client received it. */
export function replyLine(exchange: Pick<SmtpExchange, 'code' | 'enhanced' | 'text'>): string {
  return `${exchange.code} ${exchange.enhanced ? `${exchange.enhanced} ` : ''}${exchange.text}`;
}

const refused = (exchange: Exchange) => exchange.code >= 400;

/**
 * The first refused transaction whose refusal came after sequence `afterSeq`. A transaction whose
 * message was finally accepted (some recipients refused, others accepted) is not a refusal: the
 * message reached the trust space and is found in the transmission log instead.
 */
export function submissionRefusal(exchanges: readonly Exchange[], afterSeq: number, closed: boolean): SubmissionRefusal | undefined {
  let refusal: { reply: string; seq: number } | undefined;
  const counted = (ended: boolean): SubmissionRefusal | undefined => (refusal && refusal.seq > afterSeq ? { reply: refusal.reply, ended } : undefined);
  for (const exchange of exchanges) {
    if (refusal && (exchange.verb === 'MAIL' || exchange.verb === 'RSET' || exchange.verb === 'QUIT')) {
      const found = counted(true);
      if (found) return found;
      refusal = undefined;
    }
    if (exchange.verb === 'DATA-END') {
      if (exchange.code === 250) refusal = undefined; // accepted: at least one recipient got it
      else if (refused(exchange)) refusal ??= { reply: replyLine(exchange), seq: exchange.seq };
      const found = counted(true);
      if (found) return found;
      refusal = undefined;
    } else if (exchange.verb === 'DATA' && exchange.code !== 354 && refusal) {
      const found = counted(true); // DATA refused after every recipient was (e.g. 503 need RCPT)
      if (found) return found;
      refusal = undefined;
    } else if ((exchange.verb === 'MAIL' || exchange.verb === 'RCPT') && refused(exchange)) {
      refusal ??= { reply: replyLine(exchange), seq: exchange.seq };
    }
  }
  return counted(closed);
}
