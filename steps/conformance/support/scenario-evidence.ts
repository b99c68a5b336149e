// The evidence a conformance scenario leaves in the report (REG-DEC-04): the SMTP and
// IMAP transcripts of the scenario's connections, every message the client transmitted, the
// bounces and receipts the simulator produced, what the operator presented in TLS when a
// scenario changed it (REG-TLS-06), and the client's own listing. The trust space is
// reset before each scenario, so everything it holds belongs to this scenario. Large messages
// are cut to their header block so that the HTML report stays readable.
import type { TrustSpace } from '../../../simulator/public-api.ts';

export interface EvidenceItem {
  readonly fileName: string;
  readonly mediaType: string;
  readonly data: string | Buffer;
}

export const MAX_RAW_EVIDENCE_BYTES = 512 * 1024;

export function scenarioEvidence(space: TrustSpace): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  for (const connection of space.journal.connections()) {
    items.push({ fileName: `transcription-${connection.endpoint}-${connection.id}.txt`, mediaType: 'text/plain', data: space.journal.format(connection.id) });
  }
  for (const transmission of space.transmissions.all()) {
    items.push(rawItem(`message-transmis-${transmission.id}.eml`, transmission.raw, transmission.index.headerBytes));
  }
  for (const report of space.store.all().filter((m) => m.kind === 'bounce' || m.kind === 'receipt')) {
    items.push(rawItem(`${report.kind === 'bounce' ? 'avis-de-non-remise' : 'accuse-de-remise'}-${report.id}.eml`, report.raw, report.index.headerBytes));
  }
  const { certificate, protocols } = space.serverTls;
  if (certificate !== 'valid' || protocols !== 'referential') {
    items.push({ fileName: 'tls-de-l-operateur.json', mediaType: 'application/json', data: JSON.stringify({ certificate, protocols }) });
  }
  return items;
}

function rawItem(fileName: string, raw: Buffer, headerBytes: number): EvidenceItem {
  if (raw.length <= MAX_RAW_EVIDENCE_BYTES) return { fileName, mediaType: 'message/rfc822', data: raw };
  const note = `\r\n[Corps de ${raw.length} octets non joint au rapport : seul l'en-tête est conservé.]\r\n`;
  return { fileName: fileName.replace(/\.eml$/, '-en-tete.txt'), mediaType: 'text/plain', data: Buffer.concat([raw.subarray(0, headerBytes), Buffer.from(note)]) };
}
