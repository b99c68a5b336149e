// One SMTP reply as the simulator writes it on the wire, and the conversions the adapters need.
//
// How enhanced status codes reach the wire (decided once, for every endpoint): smtp-server runs
// with `hideENHANCEDSTATUSCODES: true` (its default), so it never prepends its own mapping
// (which would turn our `550 5.7.1` into `550 5.1.1 5.7.1`); instead every reply of ours
// carries its RFC 3463 code at the start of the text: `550 5.7.1 Destinataire …`. Consequences,
// pinned by the wire tests: EHLO does not advertise ENHANCEDSTATUSCODES (RFC 2034 lets a server
// send codes without it), and the replies smtp-server builds itself carry none (library-replies.ts).

export interface SmtpReply {
  /** RFC 5321 §4.2 reply code. */
  readonly code: number;
  /** RFC 3463 enhanced status code, e.g. `5.7.1`. */
  readonly enhanced: string;
  /** French text, vendor-facing: the reason first, the whole reply line within 80 columns. */
  readonly text: string;
  /** The full explanation (addresses, requirement), written to the journal, never on the wire. */
  readonly detail?: string;
}

/** Longest reply line in columns (characters), code and enhanced code included. */
export const MAX_REPLY_COLUMNS = 80;

/** The error object smtp-server expects from a hook: it writes `responseCode` then `message`. */
export interface SmtpHookError extends Error {
  readonly responseCode: number;
}

/** Turns a catalogue entry into the Error a smtp-server hook callback takes. */
export function smtpError(reply: SmtpReply): SmtpHookError {
  return Object.assign(new Error(replyText(reply)), { responseCode: reply.code });
}

/** The text part smtp-server writes after the code: enhanced code, space, French text. */
export function replyText(reply: SmtpReply): string {
  return `${reply.enhanced} ${reply.text}`;
}

/** The exact line on the wire, without CRLF. */
export function formatReply(reply: SmtpReply): string {
  return `${reply.code} ${replyText(reply)}`;
}
