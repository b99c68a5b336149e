// The simulated professional webmail (the web UI's `/messagerie`) as a client under test: this
// driver does what a person does in it, through the same JSON routes its page calls
// (`/api/webmail/...`, described in `/api/openapi.json`). The webmail's server side is a real client
// of the simulator (SMTP submission and IMAP with STARTTLS, XOAUTH2), so the suite judges its
// traffic like any other software's. It declares only what its screens do for any identity the
// harness hands it: it writes to patients from its own patient file, not from an identity given
// by the harness, hence no `patient-messaging`.
//   npm run conformite -- --client webmail
import type { ActionResult, ShownFailure, ClientDriver, DriverCapabilities, DriverConfiguration, FindRecipientRequest, FoundRecipient, ListedMessage, SendRequest, WebmailItem, WebmailMailbox, WebmailSendResult } from '../../../simulator/public-api.ts';

export const WEBMAIL_CLIENT = { name: 'Messagerie web du simulateur', version: '0.1.0', vendor: 'mssante-simulateur' } as const;

export interface WebmailDriverOptions {
  /** The simulator's HTTP base URL (`http://127.0.0.1:port`). */
  readonly baseUrl: string;
  /** The action token, off loopback. */
  readonly actionToken?: string;
}

export class WebmailDriverError extends Error {
  readonly code = 'MSS_SIM_WEBMAIL_DRIVER';
  /** The webmail route's HTTP status, when it answered. */
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'WebmailDriverError';
  }
}

export function createWebmailDriver(options: WebmailDriverOptions): ClientDriver {
  let mailbox: string | undefined;
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    if (!mailbox) throw new WebmailDriverError('La messagerie web n\'est pas configurée : configure doit venir avant toute action.');
    const headers: Record<string, string> = { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.actionToken ? { authorization: `Bearer ${options.actionToken}` } : {}) };
    const response = await fetch(`${options.baseUrl}/api/webmail/${encodeURIComponent(mailbox)}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const answer = (await response.json()) as T & { error?: { message?: string } };
    if (!response.ok) throw new WebmailDriverError(answer.error?.message ?? `Messagerie web : réponse ${response.status}`, response.status);
    return answer;
  };
  const actionResult = (answer: WebmailSendResult): ActionResult => {
    if (answer.status === 'sent') return { status: 'sent', clientMessageId: sentId(answer.messageId), messageId: answer.messageId };
    if (answer.status === 'refused') return { status: 'refused', reason: answer.reason };
    return { status: 'failed', shownToUser: answer.shownToUser, ...(answer.smtpReply ? { smtpReply: answer.smtpReply } : {}) };
  };
  return {
    async capabilities(): Promise<DriverCapabilities> {
      return { client: WEBMAIL_CLIENT, capabilities: ['mailbox-sync', 'reply', 'directory-search'], parallel: false };
    },
    async configure(configuration: DriverConfiguration): Promise<void> {
      mailbox = configuration.mailbox.address;
    },
    async reset(): Promise<void> {
      mailbox = undefined;
    },
    async send(request: SendRequest): Promise<ActionResult> {
      const inReplyToUid = request.inReplyTo === undefined ? undefined : inboxUid(request.inReplyTo);
      const body = {
        ...(request.to ? { to: request.to } : {}),
        ...(request.cc ? { cc: request.cc } : {}),
        subject: request.subject,
        text: request.body,
        ...(inReplyToUid === undefined ? {} : { inReplyToUid }),
        ...(request.attachments ? { attachments: request.attachments } : {}),
      };
      return actionResult(await call<WebmailSendResult>('POST', '/messages', body));
    },
    async writeToPatient(): Promise<ActionResult> {
      return { status: 'refused', reason: 'La messagerie web écrit aux patients de son propre dossier : capacité patient-messaging non déclarée.' };
    },
    async endConversation(): Promise<ActionResult> {
      return { status: 'refused', reason: 'La messagerie web met fin aux échanges avec les patients de son propre dossier : capacité non déclarée.' };
    },
    async findRecipient(request: FindRecipientRequest): Promise<readonly FoundRecipient[]> {
      const query = new URLSearchParams({ q: request.query, ...(request.kind ? { kind: request.kind } : {}) });
      return call<FoundRecipient[]>('GET', `/recipients?${query.toString()}`);
    },
    async synchronise(): Promise<ShownFailure | void> {
      // « Relever » : the webmail reads the mailbox over IMAP; a connection it could not secure
      // or open is the French 502 its page shows.
      try {
        await call('GET', '');
      } catch (error) {
        if (error instanceof WebmailDriverError && error.status === 502) return { status: 'failed', shownToUser: error.message };
        throw error;
      }
    },
    async listMessages(): Promise<readonly ListedMessage[]> {
      const { items } = await call<WebmailMailbox>('GET', '');
      const sentByUid = new Map(items.filter((item) => item.folder === 'sent').map((item) => [item.uid, item]));
      return items.map((item) => listed(item, sentByUid));
    },
  };
}

/** A sent message is known by its Message-ID (what `send` returns); a received one by its inbox UID. */
function sentId(messageId: string): string {
  return `envoye:${messageId}`;
}

function inboxUid(clientMessageId: string): number {
  const uid = Number(/^recu:(\d+)$/.exec(clientMessageId)?.[1]);
  if (!Number.isInteger(uid)) throw new WebmailDriverError(`Message « ${clientMessageId} » inconnu de la messagerie web : répondez à un message qu'elle a listé.`);
  return uid;
}

function clientIdOf(item: WebmailItem): string {
  return item.folder === 'sent' && item.messageId ? sentId(item.messageId) : item.folder === 'sent' ? `envoye-uid:${item.uid}` : `recu:${item.uid}`;
}

function listed(item: WebmailItem, sentByUid: ReadonlyMap<number, WebmailItem>): ListedMessage {
  const about = item.report?.aboutUid === undefined ? undefined : sentByUid.get(item.report.aboutUid);
  return {
    clientMessageId: clientIdOf(item),
    ...(item.messageId ? { messageId: item.messageId } : {}),
    folder: item.folder,
    from: item.from[0]?.address ?? '',
    to: item.to,
    subject: item.subject,
    receivedAt: item.date,
    kind: item.kind,
    ...(item.patient ? { patient: item.patient } : {}),
    ...(item.report ? { report: { ...(about ? { aboutClientMessageId: clientIdOf(about) } : {}), status: item.report.status, reasonShown: item.report.reason } } : {}),
    ...(item.folder === 'sent' ? { deliveryState: item.delivery?.status ?? 'sent' } : {}),
    ...(item.attachments.length > 0 ? { attachments: item.attachments.map(({ filename, contentType, size }) => ({ filename, contentType, size })) } : {}),
  };
}
