// The JSON of the webmail routes, as the page reads it: the server's own types (types only, no
// server code in the bundle), and what the composer starts from.
import type { WebmailItem } from '../../../webmail/webmail-types.ts';

export type { FoundRecipient, PatientFileEntry, WebmailItem, WebmailMailbox, WebmailSendResult as SendResult } from '../../../webmail/webmail-types.ts';

/** What « Répondre » or « Terminer l'échange » pre-sets in the composer. */
export interface ComposeStart {
  readonly replyTo?: WebmailItem;
  readonly end?: boolean;
}
