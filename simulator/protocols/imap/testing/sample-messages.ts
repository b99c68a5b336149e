// Synthetic messages for the IMAP tests, stored the way routing stores them.
import { buildFailureDsn } from '../../mime/dsn-builder.ts';
import { indexMessage } from '../../mime/message-reader.ts';
import type { MessageStore } from '../../../services/store/message-store.ts';
import type { MailFolder, MessageKind, StoredMessage } from '../../../services/store/stored-message.ts';

export const PHARMACY = 'pharmacie.duparc@pharmacien.mssante.fr';
export const CAMILLE = 'camille.dupre@pharmacien.mssante.fr';
export const PAUL = 'paul.martin@ch-valbrume.mssante.fr';
export const PATIENT = '279035121518989@patient.mssante.fr';

export interface SampleOptions {
  readonly from?: string;
  readonly to?: string;
  readonly subject?: string;
  readonly body?: string;
  readonly messageId?: string;
  readonly date?: string;
}

export function sampleMessage(options: SampleOptions = {}): Buffer {
  const lines = [
    `From: ${options.from ?? `Dr Paul Martin <${PAUL}>`}`,
    `To: ${options.to ?? `Pharmacie du Parc <${PHARMACY}>`}`,
    `Subject: ${options.subject ?? 'Ordonnance de Mme Leroy'}`,
    `Message-ID: <${options.messageId ?? 'msg-1@ch-valbrume.mssante.fr'}>`,
    `Date: ${options.date ?? 'Thu, 20 Mar 2025 10:00:00 +0100'}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    options.body ?? 'Bonjour,\r\nveuillez préparer le traitement.\r\nCordialement',
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export function storeMessage(store: MessageStore, mailbox: string, raw: Buffer, options: { folder?: MailFolder; kind?: MessageKind; receivedAt?: Date } = {}): StoredMessage {
  return store.add({
    mailbox,
    folder: options.folder ?? 'INBOX',
    kind: options.kind ?? 'message',
    envelope: { mailFrom: PAUL, rcptTo: [mailbox] },
    raw,
    receivedAt: options.receivedAt ?? new Date(Date.UTC(2025, 2, 20, 9, 0, 0)),
    ingress: 'peer',
  });
}

/** An avis de non-remise from Mon espace santé (REG-ANR-02), as the notifier builds it. */
export function sampleBounce(to: string = PHARMACY): Buffer {
  const original = sampleMessage({ from: to, to: PATIENT, subject: 'Rappel vaccin', messageId: 'orig-1@pharmacien.mssante.fr' });
  return buildFailureDsn({
    reportingMta: 'mx.patient.mssante.fr',
    from: 'MAILER-DAEMON@patient.mssante.fr',
    to,
    subject: 'Message non distribué',
    messageId: 'dsn-1@patient.mssante.fr',
    date: new Date(Date.UTC(2025, 2, 20, 10, 0, 5)),
    arrivalDate: new Date(Date.UTC(2025, 2, 20, 10, 0, 0)),
    originalMessageId: 'orig-1@pharmacien.mssante.fr',
    originalRaw: original,
    originalHeaderBytes: indexMessage(original).headerBytes,
    recipients: [
      {
        finalRecipient: PATIENT,
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 adresse inexistante',
        sentence: `Le message que vous avez envoyé à l'adresse « ${PATIENT} » n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.`,
      },
    ],
  });
}
