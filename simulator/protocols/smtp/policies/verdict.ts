// What an SMTP policy decides (REG-DEC-07): pure functions return verdicts; only the
// endpoint adapters turn a refusal into a smtp-server error (smtpError).
import type { SmtpReply } from '../smtp-reply.ts';

export type Verdict = { readonly accepted: true } | { readonly accepted: false; readonly reply: SmtpReply };

export const ACCEPTED: Verdict = Object.freeze({ accepted: true });

export function refused(reply: SmtpReply): Verdict {
  return { accepted: false, reply };
}
