// The two ways a professional ends an exchange with a patient (REG-FIN-01, REG-FIN-02).

/**
 * Subject exactly `[FIN]` closes the whole conversation (REG-FIN-01): the subject is
 * compared after MIME decoding (the caller's job), case-sensitively and without trimming, so
 * `RE: [FIN]`, `[fin]`, `[FIN] ` and ` [FIN]` do not close anything.
 */
export function isEndOfConversationSubject(subject: string | undefined): boolean {
  return subject === '[FIN]';
}

/**
 * `X-MSS-MES: FIN` makes that one message non-replyable (SC.MSS/CONF.21, value exactly `FIN`).
 * Decision: surrounding whitespace is trimmed, because RFC 5322 §2.2.3 unfolding and the
 * optional space after the colon are not part of the value; the case is not folded.
 */
export function isNoReplyMarker(xMssMes: string | undefined): boolean {
  return xMssMes !== undefined && xMssMes.trim() === 'FIN';
}
