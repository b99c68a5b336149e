// THE one definition of a header field as read, and of the header fields a message is known
// by: identity and threading (RFC 5322 §3.6.4), subject, addresses (§3.6.2, §3.6.3), date and
// content type. The light index the store keeps (message-index.ts) and the full parse
// (parse-message.ts) both extend it; they differ only in how an address and a date are given.
// Types only, no Node modules: the web UI's browser code shares them.

export interface HeaderField {
  /** Field name as written (case kept; compare case-insensitively). */
  readonly name: string;
  /** Unfolded value: the single leading SP/HTAB after the colon and the line ending removed, nothing else. */
  readonly value: string;
}

export interface MessageHeaderFields<Address, DateValue> {
  /** Message-ID without angle brackets, or undefined when absent. */
  readonly messageId?: string;
  /** First In-Reply-To id, without angle brackets. */
  readonly inReplyTo?: string;
  /** References ids, without angle brackets, in order. */
  readonly references: readonly string[];
  /**
   * Subject after RFC 2047 decoding and unfolding; undefined when absent. Trailing white space
   * is kept: `[FIN]` is an exact match.
   */
  readonly subject?: string;
  /** Addresses of From, To, Cc, Reply-To (groups flattened). */
  readonly from: readonly Address[];
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly replyTo: readonly Address[];
  readonly date?: DateValue;
  /** Content-Type value as written (with parameters), trimmed. */
  readonly contentType?: string;
}
