// The JSON of the webmail routes (webmail-routes.ts): types only, shared with the browser code
// (simulator/web/ui/src/webmail), which must not import server modules.

export type WebmailFolder = 'inbox' | 'sent';

export interface WebmailItem {
  readonly folder: WebmailFolder;
  readonly uid: number;
  readonly messageId?: string;
  readonly from: readonly { readonly name: string; readonly address: string }[];
  readonly to: readonly string[];
  readonly subject: string;
  readonly date: string;
  readonly kind: 'message' | 'patient-message' | 'bounce' | 'receipt';
  readonly patient?: { readonly birthName: string; readonly firstName: string; readonly ins: string };
  /** `X-MSS-MES: FIN`: a message that allows no reply (SC.MSS/CONF.21). */
  readonly noReply: boolean;
  readonly attachments: readonly { readonly index: number; readonly filename: string; readonly contentType: string; readonly size: number; readonly sha256: string }[];
  /** A bounce or receipt: its French sentence and the sent message it is about. */
  readonly report?: { readonly status: 'undelivered' | 'delivered'; readonly reason: string; readonly aboutUid?: number; readonly aboutSubject?: string };
  /** A sent message a bounce or receipt reported on. */
  readonly delivery?: { readonly status: 'undelivered' | 'delivered'; readonly reason: string; readonly reportUid: number };
}

/** GET /api/webmail/{address}: the mailbox and its INBOX and Sent messages, newest first. */
export interface WebmailMailbox {
  readonly address: string;
  readonly displayName: string;
  readonly type: string;
  /** The newest `listedAtMost` messages of each folder. */
  readonly items: readonly WebmailItem[];
  /** How many messages each folder holds (more than listed past `listedAtMost`). */
  readonly totals: { readonly inbox: number; readonly sent: number };
  readonly listedAtMost: number;
}

/** The professional's patient file: identities as the software holds them. */
export interface PatientFileEntry {
  readonly ins: string;
  readonly firstName: string;
  readonly birthName: string;
  readonly birthDate: string;
  readonly qualified: boolean;
}

export interface FoundRecipient {
  readonly displayName: string;
  readonly address: string;
  readonly mailboxType: 'PER' | 'ORG' | 'APP' | 'CAB';
}

export type WebmailSendResult =
  | { readonly status: 'sent'; readonly messageId: string; readonly to: readonly string[]; readonly subject: string }
  | { readonly status: 'refused'; readonly reason: string }
  | { readonly status: 'failed'; readonly smtpReply?: string; readonly shownToUser: string };
