// MAIL FROM policy. Submission (REG-SMTP-01 to REG-SMTP-03): STARTTLS, then AUTH (whose PSC session must not
// have been revoked since, SC.MSS/CONF.10), then SMTPUTF8 for a non-ASCII sender (REG-SMTP-06), then the envelope sender must be the authenticated
// mailbox; the null reverse path is refused. Peer operators (MTA to MTA): any sender (SMTPUTF8
// for a non-ASCII one), including `<>` for their bounces (RFC 5321 §4.5.5).
import { sameAddress } from '../../../domain/address-key.ts';
import { REPLIES } from '../replies.ts';
import { acceptAddressCharset } from './accept-address-charset.ts';
import { ACCEPTED, refused, type Verdict } from './verdict.ts';

export type SenderContext =
  | {
      readonly endpoint: 'submission';
      /** TLS established on this connection (STARTTLS). */
      readonly secure: boolean;
      /** Canonical address of the mailbox the client authenticated as, if it did. */
      readonly authenticatedMailbox?: string;
      /** The Pro Santé Connect session of that authentication was revoked since (SC.MSS/CONF.10). */
      readonly sessionRevoked?: boolean;
    }
  | { readonly endpoint: 'peer' };

/**
 * `sender` is the MAIL FROM path without angle brackets: `''` for `<>`; `smtpUtf8`: the command
 * carried the SMTPUTF8 parameter (a non-ASCII local part needs it, REG-SMTP-06), judged after TLS
 * and authentication.
 */
export function acceptSender(sender: string, context: SenderContext, smtpUtf8 = false): Verdict {
  if (context.endpoint === 'peer') return acceptAddressCharset(sender, smtpUtf8);
  if (!context.secure) return refused(REPLIES.startTlsRequired);
  const mailbox = context.authenticatedMailbox;
  if (mailbox === undefined) return refused(REPLIES.authenticationRequired);
  if (context.sessionRevoked) return refused(REPLIES.sessionRevoked(mailbox));
  const charset = acceptAddressCharset(sender, smtpUtf8);
  if (!charset.accepted) return charset;
  if (sender === '') return refused(REPLIES.nullSenderRefused(mailbox));
  // Local part and domain compared case-insensitively, as everywhere in the simulator
  // (simulator/domain/mss-address.ts, normalizeAddress).
  if (!sameAddress(sender, mailbox)) return refused(REPLIES.senderNotAuthenticatedMailbox(sender, mailbox));
  return ACCEPTED;
}
