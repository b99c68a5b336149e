// Submission to the operator (SC.MSS/CONF.05): STARTTLS required, TLS as client-tls.ts says,
// the APP mailbox's client certificate presented (SC.MSS/CONF.12), then AUTH XOAUTH2
// (SC.MSS/CONF.07) or PLAIN. An SMTP refusal, or a connection that could not be secured, becomes
// a result the user sees, never an exception; a permanent refusal (5xx) is never retried (REG-ANR-10).
import nodemailer from 'nodemailer';
import type { ClientCertificateMaterial } from './client-driver.ts';
import type { ClientTlsOptions } from './client-tls.ts';

export interface SubmissionSettings {
  readonly host: string;
  readonly port: number;
  readonly tls: ClientTlsOptions;
  readonly user: string;
  readonly credential: { readonly kind: 'password'; readonly password: string } | { readonly kind: 'oauth2'; readonly accessToken: string };
  readonly clientCertificate?: ClientCertificateMaterial;
}

export type SubmissionOutcome =
  | { readonly accepted: true; readonly response: string }
  | { readonly accepted: false; readonly smtpReply: string; readonly responseCode: number }
  /** No SMTP reply to report: the connection failed or could not be secured (TLS refused). */
  | { readonly accepted: false; readonly connectionFailure: string };

export interface Envelope {
  readonly from: string;
  readonly to: readonly string[];
}

/** Submits the exact bytes the client keeps as sent (and APPENDs to Sent); `envelopeId`: the DSN ENVID (RFC 3461 §4.4). */
export async function submit(settings: SubmissionSettings, envelope: Envelope, raw: Buffer, options: { readonly envelopeId?: string } = {}): Promise<SubmissionOutcome> {
  const auth =
    settings.credential.kind === 'password'
      ? { user: settings.user, pass: settings.credential.password }
      : { type: 'OAuth2' as const, user: settings.user, accessToken: settings.credential.accessToken };
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: false,
    requireTLS: true,
    tls: { ...settings.tls, ...(settings.clientCertificate ? { cert: settings.clientCertificate.certificatePem, key: settings.clientCertificate.privateKeyPem } : {}) },
    auth,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: envelope.from, to: [...envelope.to] }, raw, ...(options.envelopeId ? { dsn: { id: options.envelopeId } } : {}) });
    return { accepted: true, response: String(info.response) };
  } catch (error) {
    const failure = error as Error & { response?: string; responseCode?: number };
    if (!failure.response) return { accepted: false, connectionFailure: failure.message };
    return { accepted: false, smtpReply: failure.response, responseCode: failure.responseCode ?? 0 };
  } finally {
    transport.close();
  }
}

export function isPermanent(outcome: SubmissionOutcome): boolean {
  return !outcome.accepted && 'responseCode' in outcome && outcome.responseCode >= 500 && outcome.responseCode < 600;
}

/** What the client tells the user when the operator refused the message (SC.MSS/UX.30). */
export function refusalShownToUser(smtpReply: string): string {
  const outside = /5\.7\.1/.test(smtpReply);
  const why = outside ? "le destinataire n'appartient pas à l'espace de confiance MSSanté" : 'le serveur de messagerie a refusé le message';
  return `Message non envoyé : ${why} (réponse du serveur : ${smtpReply}).`;
}
