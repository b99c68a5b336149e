// The inputs and outputs of the synthetic document generator: who the document is about (the
// patient's identity as the sending software holds it), who wrote it, and the CDA R2 document
// produced with its identifiers. Synthetic data only.
import type { PatientIdentity } from '../../domain/model.ts';
import type { DocumentKind } from './document-kinds.ts';

/** The patient's identity as the sending software holds it; only a qualified one may carry the INS (SC.MSS/CONF.14). */
export interface DocumentPatient extends PatientIdentity {
  /** Matricule INS (15 characters). */
  readonly ins: string;
  /** OID of the matricule (INS-NIR, INS-NIA, test or demonstration branch). */
  readonly oid: string;
}

export interface DocumentAuthor {
  readonly name: string;
  readonly organisation: string;
  /** MSSanté address of the author (telecom of the CDA author). */
  readonly address: string;
}

export interface HealthDocument {
  readonly kind: DocumentKind;
  /** XDS uniqueId and CDA `id/@root` (an OID under the simulator's synthetic branch). */
  readonly uniqueId: string;
  readonly title: string;
  readonly effectiveTime: Date;
  readonly patient: DocumentPatient;
  /** The CDA R2 XML, UTF-8. */
  readonly cda: Buffer;
  /** The same document as PDF (CONF.23), and its file name (ECO.2.1.6 naming). */
  readonly pdf: Buffer;
  readonly pdfName: string;
}

/** Synthetic OID branch of the simulator: document ids, local patient ids, the sending system. */
export const SYNTHETIC_ROOT = '1.2.250.1.999.77';
export const LOCAL_PATIENT_ID_OID = `${SYNTHETIC_ROOT}.1`;
export const DOCUMENT_ID_ROOT = `${SYNTHETIC_ROOT}.2`;
export const SUBMISSION_ID_ROOT = `${SYNTHETIC_ROOT}.3`;
