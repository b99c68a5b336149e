// How the reference client reads a received message (REG-ANR-09, REG-MES-07): a delivery-status report
// with a failed action is a bounce, shown as undelivered with its reason (SC.MSS/UX.30) and tied
// to the sent message by the returned headers' Message-ID or the report's In-Reply-To
// (SC.MSS/UX.35); a successful one is a receipt; mail from Mon espace santé is a patient
// message whose identity is read from the From display name and the INS local part
// (SC.MSS/UX.25, UX.31). Parsing itself is the simulator's message reader; patient addresses
// are read by the domain.
import { addressKey } from '../domain/address-key.ts';
import { extractMessageIds, headerKey, parseMessage, readHeaderFields, type ParsedMessage } from '../protocols/mime/message-reader.ts';
import { insOfPatientAddress, isPatientAddress } from '../domain/patient-address.ts';

export type Reading =
  | { readonly kind: 'message' }
  | { readonly kind: 'patient-message'; readonly patient: { readonly birthName: string; readonly firstName: string; readonly ins: string } }
  | { readonly kind: 'bounce' | 'receipt'; readonly aboutMessageIds: readonly string[]; readonly status: 'undelivered' | 'delivered'; readonly reasonShown: string };

export interface ReadMessage {
  readonly parsed: ParsedMessage;
  readonly reading: Reading;
}

export async function readMessage(raw: Buffer): Promise<ReadMessage> {
  const parsed = await parseMessage(raw, { keepContent: true });
  return { parsed, reading: classify(parsed) };
}

export function classify(parsed: ParsedMessage): Reading {
  const report = parsed.deliveryStatus;
  if (report && report.recipients.length > 0) {
    const failed = report.recipients.some((r) => (r.action ?? '').toLowerCase() === 'failed');
    return { kind: failed ? 'bounce' : 'receipt', aboutMessageIds: reportedMessageIds(parsed), status: failed ? 'undelivered' : 'delivered', reasonShown: reasonOf(parsed, failed) };
  }
  const sender = parsed.from[0];
  if (sender && isPatientAddress(sender.address) && !/^mailer-daemon@/i.test(sender.address)) {
    return { kind: 'patient-message', patient: patientOf(sender.name, sender.address) };
  }
  return { kind: 'message' };
}

/** The returned headers (text/rfc822-headers or message/rfc822), then In-Reply-To and References. */
function reportedMessageIds(parsed: ParsedMessage): string[] {
  const ids: string[] = [];
  for (const part of parsed.attachments) {
    if (!/^(text\/rfc822-headers|message\/rfc822)/i.test(part.contentType) || !part.content) continue;
    const field = readHeaderFields(part.content).fields.find((f) => headerKey(f.name) === 'message-id');
    const id = field ? extractMessageIds(field.value)[0] : undefined;
    if (id) ids.push(id);
  }
  if (parsed.inReplyTo) ids.push(parsed.inReplyTo);
  ids.push(...parsed.references);
  return ids;
}

/** The sentence of the human-readable part about the failed recipient: the reason shown to the user. */
function reasonOf(parsed: ParsedMessage, failed: boolean): string {
  const text = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p !== '');
  const recipient = addressKey((parsed.deliveryStatus?.recipients[0]?.finalRecipient ?? '').replace(/^[^;]*;\s*/, ''));
  const paragraph = paragraphs.find((p) => recipient !== '' && p.toLowerCase().includes(recipient)) ?? paragraphs[0];
  if (paragraph) return paragraph;
  const status = parsed.deliveryStatus?.recipients[0]?.status ?? '';
  return failed ? `Message non distribué (statut ${status}).` : `Message distribué (statut ${status}).`;
}

/** From « Louise MARCHAND » <284034912304586@patient.mssante.fr>: birth name in capitals. */
export function patientOf(displayName: string, address: string): { birthName: string; firstName: string; ins: string } {
  const ins = insOfPatientAddress(address) ?? '';
  const words = displayName.trim().split(/\s+/).filter((w) => w !== '');
  const isBirthName = (w: string) => w === w.toUpperCase() && w !== w.toLowerCase();
  const firstBirth = words.findIndex(isBirthName);
  if (firstBirth <= 0) return { birthName: words.join(' '), firstName: '', ins };
  return { birthName: words.slice(firstBirth).join(' '), firstName: words.slice(0, firstBirth).join(' '), ins };
}
