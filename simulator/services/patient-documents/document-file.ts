// The file of a synthetic document of a patient's profile, as the patient attaches it to a
// message: a one-page PDF for `.pdf`, UTF-8 text for `.txt`.
import type { Patient, PatientDocument } from '../../domain/model.ts';
import { syntheticPdf } from './synthetic-pdf.ts';

export interface DocumentFile {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export function documentFile(document: PatientDocument): DocumentFile {
  if (document.fileName.toLowerCase().endsWith('.pdf')) {
    return { filename: document.fileName, contentType: 'application/pdf', content: syntheticPdf(document.title, document.lines) };
  }
  return { filename: document.fileName, contentType: 'text/plain; charset=utf-8', content: Buffer.from(`${document.lines.join('\r\n')}\r\n`, 'utf8') };
}

export function patientDocument(patient: Patient, id: string): PatientDocument | undefined {
  return (patient.documents ?? []).find((document) => document.id === id);
}
