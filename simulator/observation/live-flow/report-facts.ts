// What a delivery report (RFC 3464 multipart/report) says per recipient, read synchronously
// from its bytes so that the live flow can show a bounce the moment it is stored: the address,
// the status, and the French sentence of the human-readable part that names the address
// (REG-ANR-03; SC.MSS/UX.30), or else the Diagnostic-Code.
import { addressKey } from '../../domain/address-key.ts';
import { bodyText, parseDeliveryStatus, parseMimeTree, typedFieldValue, type MimeNode } from '../../protocols/mime/message-reader.ts';

export interface ReportFact {
  /** Final-Recipient (else Original-Recipient), bare and lower-case. */
  readonly recipient: string;
  readonly status?: string;
  readonly reason?: string;
}

const STATUS_TYPES = new Set(['delivery-status', 'global-delivery-status']);

/** Never throws: a message that is no delivery report gives `[]`. */
export function readReportFacts(raw: Buffer): ReportFact[] {
  const root = parseMimeTree(raw);
  if (root.type !== 'multipart' || root.subtype !== 'report') return [];
  const statusPart = root.children.find((child) => child.type === 'message' && STATUS_TYPES.has(child.subtype));
  if (!statusPart) return [];
  const human = humanText(raw, root.children[0]);
  const status = parseDeliveryStatus(raw.subarray(statusPart.bodyStart, statusPart.end).toString('utf8'));
  return status.recipients.flatMap((group) => {
    const field = group.finalRecipient ?? group.originalRecipient;
    if (field === undefined) return [];
    const recipient = addressKey(typedFieldValue(field));
    const reason = sentenceNaming(human, recipient) ?? diagnostic(group.diagnosticCode);
    return [{ recipient, ...(group.status ? { status: group.status } : {}), ...(reason ? { reason } : {}) }];
  });
}

function humanText(raw: Buffer, first: MimeNode | undefined): string {
  if (!first || first.type !== 'text' || first.subtype !== 'plain') return '';
  return bodyText(raw, first);
}

/** The line of the human-readable part that quotes the address (« ADDR »), as the DSN builder writes it. */
function sentenceNaming(text: string, recipient: string): string | undefined {
  const quoted = `« ${recipient} »`;
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line.toLowerCase().includes(quoted));
}

function diagnostic(code: string | undefined): string | undefined {
  return code === undefined ? undefined : typedFieldValue(code) || undefined;
}
