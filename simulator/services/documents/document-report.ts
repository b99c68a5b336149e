// What the document checks say about one message: the archive, its documents, the patient it
// is about, the MSSanté headers read, and the findings. The shape of the control API's answer
// and of the `document-archive-checked` observation.
import type { DocumentFinding } from './document-finding.ts';

export interface ReportedDocument {
  readonly uri?: string;
  readonly uniqueId?: string;
  readonly typeCode?: string;
  readonly classCode?: string;
  readonly mimeType?: string;
  /** The CDA header `code`, when the document was read. */
  readonly cdaCode?: string;
}

export interface ReportedPatient {
  /** `patientId` of the submission set (or of the first entry). */
  readonly patientId?: string;
  readonly ins?: string;
  readonly oid?: string;
  readonly birthName?: string;
  readonly firstName?: string;
  /** YYYYMMDD as in the CDA. */
  readonly birthTime?: string;
  readonly sex?: string;
  /** Matricule with an INS OID and the four traits in the CDA header. */
  readonly qualifiedIns: boolean;
}

export interface DocumentReport {
  readonly archive?: { readonly filename: string; readonly size: number; readonly entries: readonly string[] };
  readonly documents: readonly ReportedDocument[];
  readonly patient?: ReportedPatient;
  readonly pdfs: readonly string[];
  readonly headers: { readonly ins?: string; readonly codeCda?: string };
  readonly findings: readonly DocumentFinding[];
}
