// Delivery status notifications (RFC 3464) as raw messages, built from string templates: bounces
// are produced in the benchmark hot path, so the body can be built on first read (prepare*Dsn). Structure (RFC 6522 multipart/report): (1) French
// text for people, (2) message/delivery-status, (3) the original's headers (RET=HDRS or no
// RET) or the whole original (RET=FULL), RFC 3461 §4.3. CRLF everywhere, lines ≤ 998 octets.
// Failure DSN: bounces of REG-ANR-02, REG-ANR-03; success DSN: Return-Receipt-To (MSS/va1.15) or
// NOTIFY=SUCCESS (RFC 3461 §4.1).
import { toCrlfLines } from './crlf-lines.ts';
import { DsnInputError } from './dsn-input-error.ts';
import { encodeHeaderText } from './encoded-words.ts';
import { typedRecipientAddress } from './dsn-address.ts';
import { asciiOnly, headerLine, singleLine } from './header-line.ts';
import { bracketedMessageId } from './message-ids.ts';
import { uniqueToken } from './unique-token.ts';
import { encodeQuotedPrintable } from './quoted-printable.ts';
import { formatRfc5322Date } from './rfc5322-date.ts';

interface DsnRecipientBase {
  /** ORCPT of RCPT TO, written as given (`rfc822;louise@example.test`), RFC 3461 §4.2. */
  readonly originalRecipient?: string;
  /** Recipient address; written `rfc822;<address>` unless it already carries a type (`x;…`). */
  readonly finalRecipient: string;
}

export interface FailedRecipient extends DsnRecipientBase {
  /** RFC 3463 status, `5.x.x` (or `4.x.x`). */
  readonly status: string;
  /** `smtp; 550 5.1.1 …`, or without the `smtp; ` type, which is then added. Made ASCII. */
  readonly diagnosticCode: string;
  /** French sentence of the human-readable part (bounce-reasons.ts). */
  readonly sentence: string;
}

export interface DeliveredRecipient extends DsnRecipientBase {
  /** Default `2.0.0`. */
  readonly status?: string;
  readonly diagnosticCode?: string;
  /** Default « Votre message a bien été remis à « ADDR ». » (also when empty). */
  readonly sentence?: string;
}

export interface DsnInput<R extends DsnRecipientBase> {
  /** Host name of the reporting MTA, written `dns; <host>`. */
  readonly reportingMta: string;
  /** `MAILER-DAEMON@<reporting domain>` (REG-ANR-02). */
  readonly from: string;
  /** The original envelope sender, or the Return-Receipt-To address. */
  readonly to: string;
  readonly subject: string;
  /** Message-ID of the notification, with or without angle brackets. */
  readonly messageId: string;
  readonly date: Date;
  readonly arrivalDate: Date;
  readonly envid?: string;
  readonly ret?: 'FULL' | 'HDRS';
  /** Message-ID of the original: In-Reply-To and References of the notification (SC.MSS/UX.35). */
  readonly originalMessageId?: string;
  readonly originalRaw: Buffer;
  /** Header block length of the original (MessageIndex.headerBytes). */
  readonly originalHeaderBytes: number;
  readonly recipients: readonly R[];
}

export type FailureDsnInput = DsnInput<FailedRecipient>;
export type SuccessDsnInput = DsnInput<DeliveredRecipient>;

interface ReportRecipient {
  readonly originalRecipient?: string;
  readonly finalRecipient: string;
  readonly action: 'failed' | 'delivered';
  readonly status: string;
  readonly diagnosticCode?: string;
  readonly sentence: string;
}

/**
 * A DSN checked and begun: its header block is built (what a header index reads), the rest of its
 * bytes on the first call of `bytes()` and kept. `bytes()` is what build*Dsn returns, byte for byte.
 */
export interface PreparedDsn {
  /** The header block, up to and including the blank line. */
  readonly headerBlock: Buffer;
  bytes(): Buffer;
}

/** An avis de non-remise: `Action: failed` for every recipient. */
export function buildFailureDsn(input: FailureDsnInput): Buffer {
  return prepareFailureDsn(input).bytes();
}

/** An accusé de remise: `Action: delivered`, `Status: 2.0.0` unless given. */
export function buildSuccessDsn(input: SuccessDsnInput): Buffer {
  return prepareSuccessDsn(input).bytes();
}

/** buildFailureDsn in two steps: input checked (DsnInputError) and headers built now, body later. */
export function prepareFailureDsn(input: FailureDsnInput): PreparedDsn {
  const recipients = input.recipients.map((r): ReportRecipient => ({ ...r, action: 'failed' }));
  checkInput(input, recipients, /^[45]\.\d{1,3}\.\d{1,3}$/);
  const explanation =
    'Les détails techniques figurent dans la partie « message/delivery-status » de cet avis (RFC 3464), ' +
    "suivie des en-têtes ou du message d'origine.";
  return prepare(input, recipients, explanation);
}

/** buildSuccessDsn in two steps, as prepareFailureDsn. */
export function prepareSuccessDsn(input: SuccessDsnInput): PreparedDsn {
  const recipients = input.recipients.map(
    (r): ReportRecipient => ({
      ...r,
      action: 'delivered',
      status: r.status ?? '2.0.0',
      sentence: r.sentence || `Votre message a bien été remis à « ${r.finalRecipient} ».`,
    }),
  );
  checkInput(input, recipients, /^2\.\d{1,3}\.\d{1,3}$/);
  return prepare(input, recipients, 'Les détails techniques figurent dans la partie « message/delivery-status » de cet accusé (RFC 3464).');
}

function prepare(input: DsnInput<DsnRecipientBase>, recipients: readonly ReportRecipient[], explanation: string): PreparedDsn {
  const boundary = `=_mss-dsn-${uniqueToken()}`;
  const headerBlock = Buffer.from(`${topHeaders(input, boundary)}\r\n\r\n`, 'utf8');
  let bytes: Buffer | undefined;
  return { headerBlock, bytes: () => (bytes ??= Buffer.concat([headerBlock, body(input, recipients, explanation, boundary)])) };
}

function body(input: DsnInput<DsnRecipientBase>, recipients: readonly ReportRecipient[], explanation: string, boundary: string): Buffer {
  const full = input.ret === 'FULL';
  const original = full ? input.originalRaw : input.originalRaw.subarray(0, Math.min(input.originalHeaderBytes, input.originalRaw.length));
  const head = [
    'Ceci est un message MIME multipartie (RFC 6522).',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    encodeQuotedPrintable(humanText(input.reportingMta, recipients, explanation)),
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    statusFields(input, recipients),
    `--${boundary}`,
    full ? 'Content-Type: message/rfc822' : 'Content-Type: text/rfc822-headers',
    `Content-Transfer-Encoding: ${isAscii(original) ? '7bit' : '8bit'}`,
    '',
    '',
  ].join('\r\n');
  const body = toCrlfLines(original, { mode: full ? 'body' : 'header' });
  return Buffer.concat([Buffer.from(head, 'utf8'), body, Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1')]);
}

function topHeaders(input: DsnInput<DsnRecipientBase>, boundary: string): string {
  const lines = [
    headerLine('From', input.from),
    headerLine('To', input.to),
    headerLine('Subject', encodeHeaderText(singleLine(input.subject))),
    headerLine('Date', formatRfc5322Date(input.date)),
    headerLine('Message-ID', bracketedMessageId(singleLine(input.messageId))),
  ];
  if (input.originalMessageId) {
    const original = bracketedMessageId(singleLine(input.originalMessageId));
    lines.push(headerLine('In-Reply-To', original), headerLine('References', original));
  }
  lines.push(
    'Auto-Submitted: auto-replied', // RFC 3834 §5
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status;\r\n boundary="${boundary}"`,
  );
  return lines.join('\r\n');
}

function humanText(reportingMta: string, recipients: readonly ReportRecipient[], explanation: string): string {
  const sentences = recipients.map((r) => singleLine(r.sentence));
  return [`Ceci est un message automatique du serveur ${singleLine(reportingMta)}.`, '', ...sentences, '', explanation, ''].join('\n');
}

/** RFC 3464 §2.2 (per-message fields) and §2.3 (per-recipient groups), blank-line separated, ASCII. */
function statusFields(input: DsnInput<DsnRecipientBase>, recipients: readonly ReportRecipient[]): string {
  const perMessage = [headerLine('Reporting-MTA', `dns; ${asciiOnly(input.reportingMta)}`)];
  if (input.envid !== undefined) perMessage.push(headerLine('Original-Envelope-Id', asciiOnly(input.envid)));
  perMessage.push(headerLine('Arrival-Date', formatRfc5322Date(input.arrivalDate)));
  const groups = recipients.map((r) => {
    const lines: string[] = [];
    if (r.originalRecipient) lines.push(headerLine('Original-Recipient', asciiOnly(r.originalRecipient)));
    lines.push(headerLine('Final-Recipient', recipientField(r.finalRecipient)), `Action: ${r.action}`, `Status: ${r.status}`);
    if (r.diagnosticCode) lines.push(headerLine('Diagnostic-Code', typed('smtp', r.diagnosticCode, ' ')));
    return lines.join('\r\n');
  });
  return [perMessage.join('\r\n'), ...groups].join('\r\n\r\n') + '\r\n';
}

/** An address already typed (`type;value`) is kept; otherwise `rfc822;` or, outside ASCII, `utf-8;` and its xtext form (dsn-address.ts). */
function recipientField(address: string): string {
  const value = singleLine(address).trim();
  return isTyped(value) ? asciiOnly(value) : typedRecipientAddress(value);
}

/** `type;value` (RFC 3464 §2.1.2 address-type / diagnostic-type) unless the value is already typed. */
function typed(type: string, value: string, separator = ''): string {
  const ascii = asciiOnly(value).trim();
  return isTyped(ascii) ? ascii : `${type};${separator}${ascii}`;
}

/** The value starts with its own type (`rfc822;…`, `smtp; …`). */
function isTyped(value: string): boolean {
  return /^[A-Za-z0-9-]+;/.test(value);
}

function checkInput(input: DsnInput<DsnRecipientBase>, recipients: readonly ReportRecipient[], status: RegExp): void {
  if (input.recipients.length === 0) throw new DsnInputError('a DSN needs at least one recipient');
  if (singleLine(input.to).trim() === '') throw new DsnInputError('a DSN is never sent to the null reverse path (RFC 3461 §6.2); give the address to notify');
  for (const r of recipients) {
    if (!status.test(r.status)) throw new DsnInputError(`status "${r.status}" of ${r.finalRecipient} does not fit Action: ${r.action} (RFC 3464 §2.3.4)`);
  }
}

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i += 1) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}
