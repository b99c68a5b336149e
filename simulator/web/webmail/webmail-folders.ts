// The webmail's view of a mailbox, read over IMAP (STARTTLS then XOAUTH2 or PLAIN, SC.MSS/CONF.06):
// INBOX and Sent fetched in one session, each message read by the client's own reader
// (patient message, bounce, receipt, ordinary), and every bounce or receipt tied to the sent
// message it reports on (SC.MSS/UX.30, UX.35): by the returned headers' Message-ID (text/rfc822-headers
// or message/rfc822 part), the report's In-Reply-To and References, or the DSN's
// Original-Envelope-Id, which the webmail sets to the local part of its own Message-ID.
import { createHash } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import { withMailbox } from '../../reference-client/mailbox-access.ts';
import { readMessage, type ReadMessage } from '../../reference-client/message-reading.ts';
import { headerKey } from '../../protocols/mime/message-reader.ts';
import type { WebmailConnection } from './webmail-login.ts';
import type { WebmailFolder, WebmailItem } from './webmail-types.ts';

const IMAP_FOLDERS: Readonly<Record<WebmailFolder, string>> = { inbox: 'INBOX', sent: 'Sent' };
/** The newest messages listed per folder: a demonstration mailbox, not an archive (the totals say how many there are). */
export const MAX_PER_FOLDER = 200;

export interface ReadItem {
  readonly folder: WebmailFolder;
  readonly uid: number;
  readonly date: Date;
  readonly read: ReadMessage;
}

/** The newest MAX_PER_FOLDER messages of each folder read, and how many each folder holds. */
export interface FolderReading {
  readonly items: ReadItem[];
  readonly totals: Readonly<Record<WebmailFolder, number>>;
}

export async function readFolders(connection: WebmailConnection, folders: readonly WebmailFolder[] = ['inbox', 'sent']): Promise<FolderReading> {
  const totals: Record<WebmailFolder, number> = { inbox: 0, sent: 0 };
  const fetched = await withMailbox(imapSettings(connection), async (client) => {
    const all: { folder: WebmailFolder; uid: number; raw: Buffer; date?: Date }[] = [];
    for (const folder of folders) {
      const { messages, exists } = await fetchNewest(client, folder);
      totals[folder] = exists;
      all.push(...messages.map((m) => ({ folder, ...m })));
    }
    return all;
  });
  const items = await Promise.all(fetched.map(async (m) => ({ folder: m.folder, uid: m.uid, date: m.date ?? new Date(0), read: await readMessage(m.raw) })));
  return { items, totals };
}

export function imapSettings(connection: WebmailConnection) {
  return { host: connection.imap.host, port: connection.imap.port, security: connection.imap.security, caCertificatePem: connection.caCertificatePem, tls: connection.tls, user: connection.user, credential: connection.credential() };
}

async function fetchNewest(client: ImapFlow, folder: WebmailFolder): Promise<{ messages: { uid: number; raw: Buffer; date?: Date }[]; exists: number }> {
  const lock = await client.getMailboxLock(IMAP_FOLDERS[folder]);
  try {
    const exists = client.mailbox ? client.mailbox.exists : 0;
    if (exists === 0) return { messages: [], exists };
    const range = `${Math.max(1, exists - MAX_PER_FOLDER + 1)}:*`;
    const found: { uid: number; raw: Buffer; date?: Date }[] = [];
    for await (const message of client.fetch(range, { uid: true, source: true, internalDate: true })) {
      if (!message.source) continue;
      found.push({ uid: message.uid, raw: message.source, ...(message.internalDate instanceof Date ? { date: message.internalDate } : {}) });
    }
    return { messages: found, exists };
  } finally {
    lock.release();
  }
}

/** The listing: newest first in each folder, reports tied to the sent messages. */
export function listItems(items: readonly ReadItem[]): WebmailItem[] {
  const sent = items.filter((i) => i.folder === 'sent');
  const ties = new Map<number, { sent: ReadItem; report: ReadItem }>();
  for (const item of items) {
    const reading = item.read.reading;
    if (item.folder !== 'inbox' || (reading.kind !== 'bounce' && reading.kind !== 'receipt')) continue;
    const about = new Set(reading.aboutMessageIds.map((id) => id.toLowerCase()));
    const envelopeId = item.read.parsed.deliveryStatus?.perMessage.originalEnvelopeId?.trim().toLowerCase();
    const target = sent.find((s) => {
      const id = s.read.parsed.messageId?.toLowerCase();
      return id !== undefined && (about.has(id) || (envelopeId !== undefined && envelopeId === id.split('@')[0]));
    });
    if (target) ties.set(item.uid, { sent: target, report: item });
  }
  const deliveries = new Map([...ties.values()].map((tie) => [tie.sent.uid, tie.report]));
  return [...items]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || b.uid - a.uid)
    .map((item) => {
      const base = summary(item);
      const reading = item.read.reading;
      if (item.folder === 'inbox' && (reading.kind === 'bounce' || reading.kind === 'receipt')) {
        const tie = ties.get(item.uid);
        return { ...base, report: { status: reading.status, reason: reading.reasonShown, ...(tie ? { aboutUid: tie.sent.uid, aboutSubject: tie.sent.read.parsed.subject ?? '' } : {}) } };
      }
      const report = item.folder === 'sent' ? deliveries.get(item.uid) : undefined;
      const reportReading = report?.read.reading;
      if (report && reportReading && (reportReading.kind === 'bounce' || reportReading.kind === 'receipt')) {
        return { ...base, delivery: { status: reportReading.status, reason: reportReading.reasonShown, reportUid: report.uid } };
      }
      return base;
    });
}

function summary(item: ReadItem): WebmailItem {
  const { parsed, reading } = item.read;
  const noReply = parsed.headers.some((h) => headerKey(h.name) === 'x-mss-mes' && h.value.trim() === 'FIN');
  return {
    folder: item.folder,
    uid: item.uid,
    ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
    from: parsed.from.map((a) => ({ name: a.name, address: a.address })),
    to: [...parsed.to, ...parsed.cc].map((a) => a.address),
    subject: parsed.subject ?? '',
    date: (parsed.date ?? item.date).toISOString(),
    kind: reading.kind,
    ...(reading.kind === 'patient-message' ? { patient: reading.patient } : {}),
    noReply,
    attachments: parsed.attachments.map((a, index) => ({
      index,
      filename: a.filename ?? `piece-jointe-${index + 1}`,
      contentType: a.contentType.split(';')[0]?.trim() ?? a.contentType,
      size: a.size,
      sha256: a.content ? createHash('sha256').update(a.content).digest('hex') : '',
    })),
  };
}

/** One message of a folder, read, or undefined when the uid is not (or no longer) there. */
export async function readOne(connection: WebmailConnection, folder: WebmailFolder, uid: number): Promise<ReadItem | undefined> {
  const fetched = await withMailbox(imapSettings(connection), async (client) => {
    const lock = await client.getMailboxLock(IMAP_FOLDERS[folder]);
    try {
      const message = client.mailbox && client.mailbox.exists > 0 ? await client.fetchOne(String(uid), { uid: true, source: true, internalDate: true }, { uid: true }) : false;
      return message && message.source ? { raw: message.source, date: message.internalDate instanceof Date ? message.internalDate : new Date(0) } : undefined;
    } finally {
      lock.release();
    }
  });
  return fetched ? { folder, uid, date: fetched.date, read: await readMessage(fetched.raw) } : undefined;
}

/** The summary of one message, without ties (the listing has them). */
export function itemOf(item: ReadItem): WebmailItem {
  return summary(item);
}
