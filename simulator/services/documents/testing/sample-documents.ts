// Synthetic patients, author and documents for the document tests (same identities as the fixtures).
import { generateDocument } from '../generate-document.ts';
import type { DocumentAuthor, DocumentPatient, HealthDocument } from '../health-document.ts';
import type { DocumentKindId } from '../document-kinds.ts';

export const LOUISE: DocumentPatient = { ins: '284034912304586', oid: '1.2.250.1.213.1.4.10', birthName: 'MARCHAND', firstName: 'Louise', birthDate: '1984-03-12', sex: 'F', qualified: true };
export const GERARD: DocumentPatient = { ins: '152114908701235', oid: '1.2.250.1.213.1.4.10', birthName: 'LAMBERT', firstName: 'Gérard', birthDate: '1952-11-04', sex: 'M', qualified: true };
export const INES_UNQUALIFIED: DocumentPatient = { ins: '295019935002112', oid: '1.2.250.1.213.1.4.10', birthName: 'HADDAD', firstName: 'Inès', birthDate: '1995-01-17', sex: 'F', qualified: false };
export const CAMILLE: DocumentAuthor = { name: 'Camille Dupré', organisation: 'Pharmacie du Parc', address: 'pharmacie.duparc@pharmacien.mssante.fr' };
export const AT = new Date('2026-11-20T09:30:00Z');

export function sampleDocument(patient: DocumentPatient = LOUISE, kind: DocumentKindId = 'medication-review'): HealthDocument {
  return generateDocument({ kind, patient, author: CAMILLE, effectiveTime: AT });
}
