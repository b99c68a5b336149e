// What a document message carries besides its text (SC.MSS/CONF.14, 15, 23, 25): the subject
// `XDM/1.0/DDM+<libellé> <NOM> <prénom> <date de naissance>`, `X-MSS-INS` (O when the archive
// holds a qualified INS, N otherwise), `X-MSS-CODECDA` (the CDA codes, comma-separated),
// IHE_XDM.ZIP and the same documents as PDF. `variations` exist for the faulty reference client.
import type { HealthDocument } from './health-document.ts';
import { frenchDate } from './hl7-time.ts';
import { writeXdmArchive, type XdmArchiveInput } from './xdm-archive-writer.ts';
import { XDM_ARCHIVE_NAME } from './xds-vocabulary.ts';

export const XDM_SUBJECT_PREFIX = 'XDM/1.0/DDM+';

export interface DocumentMessageInput {
  readonly documents: readonly HealthDocument[];
  readonly authorAddress: string;
  readonly submissionTime: Date;
  readonly variations?: DocumentMessageVariations;
}

export interface DocumentMessageVariations {
  readonly subjectPrefix?: string;
  readonly xMssIns?: 'O' | 'N';
  readonly codeCda?: string | null;
  readonly withoutPdf?: boolean;
  readonly tamper?: XdmArchiveInput['tamper'];
}

export interface DocumentMessageParts {
  readonly subject: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly attachments: readonly { readonly filename: string; readonly contentType: string; readonly content: Buffer }[];
}

export function documentMessageParts(input: DocumentMessageInput): DocumentMessageParts {
  const v = input.variations ?? {};
  const first = input.documents[0];
  if (!first) throw new RangeError('a document message needs at least one document');
  const archive = writeXdmArchive({ documents: input.documents, authorAddress: input.authorAddress, submissionTime: input.submissionTime, ...(v.tamper ? { tamper: v.tamper } : {}) });
  const qualified = input.documents.every((d) => d.patient.qualified);
  const codes = [...new Set(input.documents.map((d) => d.kind.code))].join(',');
  const headers: Record<string, string> = { 'X-MSS-INS': v.xMssIns ?? (qualified ? 'O' : 'N') };
  const codeCda = v.codeCda === undefined ? codes : v.codeCda;
  if (codeCda !== null) headers['X-MSS-CODECDA'] = codeCda;
  const pdfs = v.withoutPdf ? [] : input.documents.map((d) => ({ filename: d.pdfName, contentType: 'application/pdf', content: d.pdf }));
  return {
    subject: documentSubject(first, v.subjectPrefix ?? XDM_SUBJECT_PREFIX),
    headers,
    attachments: [{ filename: XDM_ARCHIVE_NAME, contentType: 'application/zip', content: archive.zip }, ...pdfs],
  };
}

export function documentSubject(document: HealthDocument, prefix = XDM_SUBJECT_PREFIX): string {
  const p = document.patient;
  return `${prefix}${document.kind.label} ${p.birthName.toUpperCase()} ${p.firstName} ${frenchDate(p.birthDate)}`;
}
