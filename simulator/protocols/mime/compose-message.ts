// Messages the simulator writes itself: patient replies and new messages from Mon espace
// santé, the auto-reply of reponse.automatique-test@patient.mssante.fr (REG-MES-06, REG-MES-07).
// nodemailer's MailComposer builds the MIME; UTF-8 throughout (SC.MSS/CONF.19), text/plain or
// multipart/alternative text + html (MSS/va1.11), CRLF line endings.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { bracketedMessageId } from './message-ids.ts';

export interface ComposeAddress {
  readonly name?: string;
  readonly address: string;
}

export interface ComposeInput {
  readonly from: ComposeAddress;
  readonly to: readonly (ComposeAddress | string)[];
  readonly cc?: readonly (ComposeAddress | string)[];
  readonly replyTo?: ComposeAddress | string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** With or without angle brackets. */
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  /** Extra headers, e.g. `X-MSS-MES`; `X-MSS-*` names are written upper-case. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly date: Date;
  /** With or without angle brackets. */
  readonly messageId: string;
  /** Files the sender attached (e.g. the photo of a prescription a patient sends, REG-OFF-06). */
  readonly attachments?: readonly ComposeAttachment[];
}

export interface ComposeAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** The raw message, CRLF line endings. */
export async function composeMessage(input: ComposeInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: toAddress(input.from),
    to: input.to.map(toAddress),
    ...(input.cc ? { cc: input.cc.map(toAddress) } : {}),
    ...(input.replyTo ? { replyTo: toAddress(input.replyTo) } : {}),
    subject: input.subject,
    text: input.text,
    ...(input.html !== undefined ? { html: input.html } : {}),
    ...(input.inReplyTo ? { inReplyTo: bracketedMessageId(input.inReplyTo) } : {}),
    ...(input.references && input.references.length > 0 ? { references: input.references.map(bracketedMessageId) } : {}),
    headers: { ...input.headers },
    date: input.date,
    messageId: bracketedMessageId(input.messageId),
    ...(input.attachments && input.attachments.length > 0 ? { attachments: input.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
    newline: 'win',
    // MailComposer title-cases custom names (`X-Mss-Mes`); keep the spelling of the référentiel.
    normalizeHeaderKey: (key: string) => (/^x-mss-/i.test(key) ? key.toUpperCase() : key),
  });
  return composer.compile().build();
}

function toAddress(value: ComposeAddress | string): { name: string; address: string } | string {
  if (typeof value === 'string') return value;
  return value.name ? { name: value.name, address: value.address } : value.address;
}
