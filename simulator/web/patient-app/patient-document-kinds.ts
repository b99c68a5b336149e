// French labels of the kinds of document in a patient's profile, as the app shows them.
import type { PatientDocumentKind } from '../../domain/model.ts';

export const PATIENT_DOCUMENT_KIND_LABELS: Readonly<Record<PatientDocumentKind, string>> = {
  prescription: 'Ordonnance',
  result: 'Résultat',
  report: 'Compte rendu',
  other: 'Document',
};
