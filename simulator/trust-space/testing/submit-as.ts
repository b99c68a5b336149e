// Submits one message to a running trust space as a fixture mailbox, the way any client does:
// SMTP submission with STARTTLS then AUTH (REG-SMTP-01 to REG-SMTP-03, SC.MSS/CONF.05), `X-MSS-NIL` set
// (SC.MSS/CONF.16). For tests and @simulateur scenarios; it is not the conformance suite's
// reference client (simulator/reference-client). An SMTP refusal is a result, not an exception.
import nodemailer from 'nodemailer';
import type { TrustSpace } from '../trust-space.ts';

export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly inReplyTo?: string;
  readonly replyTo?: string;
  /** DSN parameters (RFC 3461): NOTIFY of every recipient, e.g. `['success']` for a delivery receipt. */
  readonly notify?: readonly ('success' | 'failure' | 'delay')[];
  /** Files attached as sent (e.g. a document message's IHE_XDM.ZIP and PDF). */
  readonly attachments?: readonly { readonly filename: string; readonly contentType: string; readonly content: Buffer }[];
}

export type SubmissionResult =
  | { readonly accepted: true; readonly messageId: string; readonly response: string }
  | { readonly accepted: false; readonly response: string; readonly command: string };

/** The `X-MSS-NIL` of the messages the harness itself sends as a simulated professional. */
export const HARNESS_PRODUCT_NIL = 'SIMULATEUR-TEST';

export async function submitAs(space: TrustSpace, from: { address: string; password: string; name?: string }, mail: OutgoingMail): Promise<SubmissionResult> {
  const { host, port } = space.endpoints.submission;
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: false,
    requireTLS: true,
    auth: { user: from.address, pass: from.password },
    tls: { ca: space.caCertPem },
  });
  try {
    const info = await transport.sendMail({
      from: from.name ? { name: from.name, address: from.address } : from.address,
      to: [...mail.to],
      subject: mail.subject,
      text: mail.text,
      ...(mail.html !== undefined ? { html: mail.html } : {}),
      headers: { 'X-MSS-NIL': HARNESS_PRODUCT_NIL, ...mail.headers },
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}),
      ...(mail.attachments ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      ...(mail.notify ? { dsn: { notify: [...mail.notify] } } : {}),
    });
    return { accepted: true, messageId: String(info.messageId).replace(/^<|>$/g, ''), response: info.response };
  } catch (error) {
    const failure = error as { response?: string; command?: string; message: string };
    if (!failure.response) throw error;
    return { accepted: false, response: failure.response, command: failure.command ?? '' };
  } finally {
    transport.close();
  }
}
