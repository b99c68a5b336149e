// The JSON of the webmail routes (simulator/web/webmail), as the page reads it.

export interface WebmailItem {
  readonly folder: 'inbox' | 'sent';
  readonly uid: number;
  readonly messageId?: string;
  readonly from: readonly { readonly name: string; readonly address: string }[];
  readonly to: readonly string[];
  readonly subject: string;
  readonly date: string;
  readonly kind: 'message' | 'patient-message' | 'bounce' | 'receipt';
  readonly patient?: { readonly birthName: string; readonly firstName: string; readonly ins: string };
  readonly noReply: boolean;
  readonly attachments: readonly { readonly index: number; readonly filename: string; readonly contentType: string; readonly size: number; readonly sha256: string }[];
  readonly report?: { readonly status: 'undelivered' | 'delivered'; readonly reason: string; readonly aboutUid?: number; readonly aboutSubject?: string };
  readonly delivery?: { readonly status: 'undelivered' | 'delivered'; readonly reason: string; readonly reportUid: number };
}

export interface WebmailMailbox {
  readonly address: string;
  readonly displayName: string;
  readonly type: string;
  readonly items: readonly WebmailItem[];
}

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
  readonly mailboxType: string;
}

export type SendResult =
  | { readonly status: 'sent'; readonly messageId: string; readonly to: readonly string[]; readonly subject: string }
  | { readonly status: 'refused'; readonly reason: string }
  | { readonly status: 'failed'; readonly smtpReply: string; readonly shownToUser: string };

/** What « Répondre » or « Terminer l'échange » pre-sets in the composer. */
export interface ComposeStart {
  readonly replyTo?: WebmailItem;
  readonly end?: boolean;
}
