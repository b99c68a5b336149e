// The document checks of one message, whoever sent it (SC.MSS/CONF.14, 15, 23, 24, 25): finds
// the IHE_XDM.ZIP, reads it (read-xdm-archive.ts), then checks the message around it: the PDF
// copies, `X-MSS-INS`, `X-MSS-CODECDA` and the subject. A message without archive and without
// document headers is no document message: undefined.
import { finding, type DocumentFinding } from './document-finding.ts';
import { XDM_SUBJECT_PREFIX } from './document-message.ts';
import { patientFindings, reportedPatient } from './document-patient.ts';
import type { DocumentReport, ReportedDocument, ReportedPatient } from './document-report.ts';
import { optional } from './optional-field.ts';
import { readXdmArchive, type ArchiveReading } from './read-xdm-archive.ts';
import type { ZipLimits } from './zip-limits.ts';

export interface DocumentMessage {
  readonly subject?: string;
  /** `X-MSS-*` headers, names lower-case. */
  readonly xMss: Readonly<Record<string, string>>;
  readonly attachments: readonly { readonly filename?: string; readonly contentType: string; readonly content?: Buffer }[];
}

export function isXdmArchiveName(filename: string | undefined): boolean {
  return filename !== undefined && /^ihe_xdm\.zip$/i.test(filename.trim());
}

export function checkDocumentMessage(message: DocumentMessage, limits?: ZipLimits): DocumentReport | undefined {
  const archive = message.attachments.find((a) => isXdmArchiveName(a.filename));
  const headers = { ...optional('ins', message.xMss['x-mss-ins']), ...optional('codeCda', message.xMss['x-mss-codecda']) };
  const pdfs = message.attachments.filter((a) => /^application\/pdf$/i.test(a.contentType) || /\.pdf$/i.test(a.filename ?? '')).map((a) => a.filename ?? '');
  if (!archive?.content) {
    if (headers.ins === undefined && headers.codeCda === undefined) return undefined;
    const findings: DocumentFinding[] = [];
    if (headers.ins !== undefined) findings.push(finding('SC.MSS/CONF.14', 'ins-header-without-cda', `« X-MSS-INS: ${headers.ins} » sur un message sans archive IHE_XDM.ZIP : l'en-tête est absent quand aucun CDA n'est joint.`));
    if (headers.codeCda !== undefined) findings.push(finding('SC.MSS/CONF.15', 'code-cda-without-cda', `« X-MSS-CODECDA: ${headers.codeCda} » sur un message sans archive IHE_XDM.ZIP.`));
    return { documents: [], pdfs, headers, findings };
  }
  const reading = readXdmArchive(archive.content, limits);
  const patient = reportedPatient(reading);
  const cdaCodes = reading.documents.flatMap((d) => (d.header?.code ? [d.header.code] : []));
  const findings = [
    ...reading.findings,
    ...patientFindings(reading),
    ...pdfFindings(reading, pdfs),
    ...headerFindings(headers, reading, patient, cdaCodes),
    ...subjectFindings(message.subject, patient),
  ];
  return {
    archive: { filename: archive.filename ?? '', size: archive.content.length, entries: reading.entryNames },
    documents: reading.documents.map(reportedDocument),
    ...optional('patient', patient),
    pdfs,
    headers,
    findings,
  };
}

function reportedDocument(document: ArchiveReading['documents'][number]): ReportedDocument {
  const { entry, header } = document;
  return { ...optional('uri', entry.uri), ...optional('uniqueId', entry.uniqueId), ...optional('typeCode', entry.typeCode), ...optional('classCode', entry.classCode), ...optional('mimeType', entry.mimeType), ...optional('cdaCode', header?.code) };
}

function pdfFindings(reading: ArchiveReading, pdfs: readonly string[]): DocumentFinding[] {
  const count = reading.documents.length;
  if (count === 0 || pdfs.length >= count) return [];
  return [finding('SC.MSS/CONF.23', 'pdf-missing', `L'archive contient ${count} document(s) mais le message ne joint que ${pdfs.length} PDF : les mêmes documents doivent être joints en PDF à côté de l'archive.`)];
}

function headerFindings(headers: DocumentReport['headers'], reading: ArchiveReading, patient: ReportedPatient | undefined, cdaCodes: readonly string[]): DocumentFinding[] {
  const findings: DocumentFinding[] = [];
  const expectedIns = patient?.qualifiedIns ? 'O' : 'N';
  if (headers.ins === undefined) findings.push(finding('SC.MSS/CONF.14', 'ins-header-missing', `En-tête « X-MSS-INS » absent ; attendu « ${expectedIns} » pour ce message qui joint un CDA.`));
  else if (headers.ins.toUpperCase() !== expectedIns) {
    const why = expectedIns === 'O' ? "l'archive contient une INS qualifiée (matricule, OID et les quatre traits)" : "l'archive ne contient pas d'INS qualifiée (matricule avec OID de l'INS et les quatre traits)";
    findings.push(finding('SC.MSS/CONF.14', 'ins-header-wrong', `« X-MSS-INS: ${headers.ins} » alors que ${why} : « ${expectedIns} » attendu.`));
  }
  if (reading.documents.length === 0) return findings;
  const expected = [...new Set(cdaCodes)].sort();
  if (headers.codeCda === undefined) findings.push(finding('SC.MSS/CONF.15', 'code-cda-missing', `En-tête « X-MSS-CODECDA » absent ; attendu « ${expected.join(',')} » (le code des documents CDA joints).`));
  else {
    const given = [...new Set(headers.codeCda.split(',').map((c) => c.trim()).filter((c) => c !== ''))].sort();
    if (given.join(',') !== expected.join(',')) findings.push(finding('SC.MSS/CONF.15', 'code-cda-mismatch', `« X-MSS-CODECDA: ${headers.codeCda} » ne correspond pas au code des documents CDA joints (« ${expected.join(',')} »).`));
  }
  return findings;
}

function subjectFindings(subject: string | undefined, patient: ReportedPatient | undefined): DocumentFinding[] {
  const value = subject ?? '';
  if (!value.startsWith(XDM_SUBJECT_PREFIX)) return [finding('SC.MSS/CONF.25', 'subject-prefix', `Objet « ${value} » : un message de documents de santé a pour objet « ${XDM_SUBJECT_PREFIX}<libellé> <NOM> <prénom> <date de naissance> ».`)];
  const rest = value.slice(XDM_SUBJECT_PREFIX.length);
  const missing = [patient?.birthName?.toUpperCase(), patient?.firstName].filter((part): part is string => part !== undefined && !rest.toLowerCase().includes(part.toLowerCase()));
  if (missing.length === 0 || !patient) return [];
  return [finding('SC.MSS/CONF.25', 'subject-patient', `Objet « ${value} » : le nom et le prénom du patient des documents (${missing.join(', ')}) n'y figurent pas.`)];
}
