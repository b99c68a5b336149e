// A command the server cannot parse (RFC 3501 §7.1.3: answered `BAD`). The message is the
// French reason sent to the client (made 7-bit by imap-text.ts).
export class ImapSyntaxError extends Error {
  readonly code = 'MSS_SIM_IMAP_SYNTAX';

  constructor(message: string) {
    super(message);
    this.name = 'ImapSyntaxError';
  }
}
