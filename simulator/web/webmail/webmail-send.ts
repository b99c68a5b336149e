// « Envoyer » in the webmail: builds the message as a correct MSSanté client does (its own
// Message-ID, X-MSS-NIL, UTF-8 text, In-Reply-To/References on a reply, `[FIN]` subject or
// `X-MSS-MES: FIN` to end an exchange, SC.MSS/CONF.21), addresses a patient only from a qualified
// identity of its patient file (MSS/va1.19, REG-ADR-04), submits it over STARTTLS + AUTH with the
// local part of its Message-ID as DSN envelope id, then keeps a copy in `Sent` over IMAP.
import { randomUUID } from 'node:crypto';
import type { Patient } from '../../domain/model.ts';
import { addressKey } from '../../domain/address-key.ts';
import { appendSent, withMailbox } from '../../reference-client/mailbox-access.ts';
import { readMessage } from '../../reference-client/message-reading.ts';
import { renderMail, type MailOptions } from '../../reference-client/outgoing-message.ts';
import { patientAddress } from '../../reference-client/patient-addressing.ts';
import { FaultSet } from '../../reference-client/reference-fault.ts';
import { connectionFailureShownToUser } from '../../reference-client/client-tls.ts';
import { refusalShownToUser, submit } from '../../reference-client/smtp-submission.ts';
import { imapSettings } from './webmail-folders.ts';
import type { WebmailConnection } from './webmail-login.ts';
import type { WebmailSendResult } from './webmail-types.ts';

/** The product reference the webmail declares (synthetic). */
export const WEBMAIL_PRODUCT_NIL = 'SIMULATEUR-WEBMAIL-1';
/** The exact subject that ends an exchange with a patient (REG-FIN-01). */
export const END_SUBJECT = '[FIN]';

export interface WebmailDraft {
  readonly to?: readonly string[];
  readonly cc?: readonly string[];
  readonly subject?: string;
  readonly text: string;
  /** Write to this patient of the file: the address is built from her INS if her identity is qualified. */
  readonly patientIns?: string;
  /** Reply to this INBOX message (uid): threading headers, and its Reply-To or From when `to` is empty. */
  readonly inReplyToUid?: number;
  /** End the exchange: subject exactly `[FIN]`, or the `X-MSS-MES: FIN` header. */
  readonly end?: 'subject' | 'header';
  /** A single message that allows no reply (`X-MSS-MES: FIN`). */
  readonly noReply?: boolean;
  readonly attachments?: readonly { readonly filename: string; readonly contentType: string; readonly contentBase64: string }[];
}

export async function sendFromWebmail(connection: WebmailConnection, draft: WebmailDraft, patientFile: (ins: string) => Patient | undefined): Promise<WebmailSendResult> {
  const original = draft.inReplyToUid !== undefined ? await inboxMessage(connection, draft.inReplyToUid) : undefined;
  if (draft.inReplyToUid !== undefined && !original) return { status: 'refused', reason: "Le message auquel vous répondez n'est plus dans la boîte de réception." };
  let to = (draft.to ?? []).map(addressKey).filter((a) => a !== '');
  if (draft.patientIns !== undefined) {
    const patient = patientFile(draft.patientIns.trim().toUpperCase());
    if (!patient) return { status: 'refused', reason: `Aucun patient de matricule INS « ${draft.patientIns} » dans le dossier : aucun message n'a été envoyé.` };
    const addressing = patientAddress({ ...patient.identity, ins: patient.ins, oid: patient.oid }, new FaultSet());
    if (!addressing.ok) return { status: 'refused', reason: addressing.reason };
    to = [addressing.address, ...to];
  }
  if (to.length === 0 && original) to = [addressKey((original.parsed.replyTo[0] ?? original.parsed.from[0])?.address ?? '')];
  if (to.length === 0 || to.some((a) => !a.includes('@'))) return { status: 'refused', reason: 'Indiquez au moins un destinataire (adresse MSSanté, ou patient du dossier).' };
  const subject = draft.end === 'subject' ? END_SUBJECT : (draft.subject ?? '').trim() || (original ? `RE: ${original.parsed.subject ?? ''}` : '');
  if (subject === '') return { status: 'refused', reason: "Indiquez l'objet du message." };

  const id = `${randomUUID()}@${connection.user.split('@')[1] ?? 'webmail.invalid'}`;
  const headers: Record<string, string> = { 'X-MSS-NIL': WEBMAIL_PRODUCT_NIL };
  if (draft.end === 'header' || draft.noReply) headers['X-MSS-MES'] = 'FIN';
  const mail: MailOptions = { from: connection.senderName ? { name: connection.senderName, address: connection.user } : connection.user, to, subject, text: draft.text, textEncoding: 'quoted-printable', messageId: `<${id}>`, headers };
  if (draft.cc && draft.cc.length > 0) mail.cc = draft.cc.map(addressKey);
  const parentId = original?.parsed.messageId;
  if (parentId) {
    mail.inReplyTo = `<${parentId}>`;
    mail.references = [...(original?.parsed.references ?? []), parentId].map((ref) => `<${ref}>`);
  }
  if (draft.attachments && draft.attachments.length > 0) {
    mail.attachments = draft.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.contentBase64 }));
  }
  const raw = await renderMail(mail);
  const recipients = [...to, ...(mail.cc ?? [])];
  const settings = { host: connection.smtp.host, port: connection.smtp.port, caCertificatePem: connection.caCertificatePem, tls: connection.tls, user: connection.user, credential: connection.credential() };
  const outcome = await submit(settings, { from: connection.user, to: recipients }, raw, { envelopeId: id.split('@')[0] ?? id });
  if (!outcome.accepted) {
    if ('connectionFailure' in outcome) return { status: 'failed', shownToUser: connectionFailureShownToUser('Envoi', outcome.connectionFailure) };
    return { status: 'failed', smtpReply: outcome.smtpReply, shownToUser: refusalShownToUser(outcome.smtpReply) };
  }
  await withMailbox(imapSettings(connection), (client) => appendSent(client, raw));
  return { status: 'sent', messageId: id, to, subject };
}

async function inboxMessage(connection: WebmailConnection, uid: number) {
  const raw = await withMailbox(imapSettings(connection), async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      return message ? message.source : undefined;
    } finally {
      lock.release();
    }
  });
  return raw ? readMessage(raw) : undefined;
}
