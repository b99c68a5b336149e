// A minimal professional mail client for @simulateur scenarios: real SMTP submission with
// STARTTLS and AUTH, as any client would do (SC.MSS/CONF.05). It is not the reference driver
// of the conformance suite; it only lets scenarios exercise the simulator itself.
import nodemailer from 'nodemailer';
import type { TrustSpace } from '../../simulator/trust-space/trust-space.ts';

export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly inReplyTo?: string;
  readonly replyTo?: string;
}

export type SubmissionResult =
  | { readonly accepted: true; readonly messageId: string; readonly response: string }
  | { readonly accepted: false; readonly response: string; readonly command: string };

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
      headers: { 'X-MSS-NIL': 'SIMULATEUR-TEST', ...mail.headers },
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}),
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
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
