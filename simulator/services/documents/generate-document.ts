// The synthetic document generator: a CDA R2 document of a given kind for a patient, with its
// PDF copy, deterministic (identifiers derived from the content, no clock, no randomness).
import { createHash } from 'node:crypto';
import { writeCda } from './cda-document.ts';
import { documentKind, type DocumentKindId } from './document-kinds.ts';
import { DOCUMENT_ID_ROOT, type DocumentAuthor, type DocumentPatient, type HealthDocument } from './health-document.ts';
import { hl7Date } from './hl7-time.ts';
import { writePdf } from './synthetic-pdf.ts';

export interface GenerateDocumentInput {
  readonly kind: DocumentKindId;
  readonly patient: DocumentPatient;
  readonly author: DocumentAuthor;
  readonly effectiveTime: Date;
}

const PARAGRAPHS: Readonly<Record<DocumentKindId, (patient: DocumentPatient) => string[]>> = {
  'medication-review': (p) => [
    `Bilan partagé de médication de ${p.firstName} ${p.birthName} réalisé à l'officine (document synthétique de test).`,
    'Traitement en cours : amlodipine 5 mg, 1 comprimé le matin ; paracétamol 1 g si douleur, 3 par jour au plus.',
    "Points d'attention : pas d'interaction relevée ; observance bonne.",
  ],
  'livret-medical': (p) => [
    `Livret médical de ${p.firstName} ${p.birthName} préparé par le service avant l'admission (document synthétique de test).`,
    "Traitement de sortie prévu : bisoprolol 2,5 mg le matin ; préparation des doses par l'officine.",
  ],
  'biology-report': (p) => [
    `Compte rendu d'examens biologiques de ${p.firstName} ${p.birthName} (document synthétique de test).`,
    'Hémoglobine : 13,8 g/dL (valeurs de référence 12,0 à 16,0).',
  ],
};

export function generateDocument(input: GenerateDocumentInput): HealthDocument {
  const kind = documentKind(input.kind);
  const { patient, author, effectiveTime } = input;
  const uniqueId = documentUniqueId(input);
  const title = `${kind.displayName} - ${patient.birthName} ${patient.firstName}`;
  const paragraphs = PARAGRAPHS[input.kind](patient);
  const cda = Buffer.from(writeCda({ kind, uniqueId, title, effectiveTime, patient, author, paragraphs }), 'utf8');
  const pdf = writePdf(title, [...paragraphs, `Auteur : ${author.name}, ${author.organisation}`]);
  const pdfName = `${hl7Date(effectiveTime.toISOString().slice(0, 10))}_${kind.fileType}_${fileWord(patient.birthName)}_${fileWord(patient.firstName)}.pdf`;
  return { kind, uniqueId, title, effectiveTime, patient, cda, pdf, pdfName };
}

/** An OID under the synthetic document branch, derived from what makes the document unique. */
function documentUniqueId(input: GenerateDocumentInput): string {
  const digest = createHash('sha256').update(`${input.kind}|${input.patient.ins}|${input.author.address}|${input.effectiveTime.toISOString()}`).digest();
  return `${DOCUMENT_ID_ROOT}.${digest.readBigUInt64BE(0) % 10n ** 15n}`;
}

function fileWord(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9-]+/g, '_');
}
