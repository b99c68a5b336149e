// The kinds of health documents the synthetic generator writes: the CDA `code` (LOINC, also the
// XDS typeCode and the `X-MSS-CODECDA` value, SC.MSS/CONF.15), the class code, the label used in
// the subject (SC.MSS/CONF.25) and in the PDF file name. Codes are LOINC document codes of the
// French terminology TRE_A04; the class codes are the simulator's choice (synthetic documents).
export type DocumentKindId = 'medication-review' | 'livret-medical' | 'biology-report';

export interface DocumentKind {
  readonly id: DocumentKindId;
  /** LOINC code of the CDA header `code` and of the XDS typeCode. */
  readonly code: string;
  readonly displayName: string;
  /** XDS classCode (code and display). */
  readonly classCode: string;
  readonly classDisplay: string;
  /** `<libellé>` of the subject `XDM/1.0/DDM+<libellé> <NOM> <prénom> <date>`. */
  readonly label: string;
  /** `<type document>` of the PDF name `<date>_<type>_<NOM>_<prénom>.pdf`. */
  readonly fileType: string;
}

export const LOINC_OID = '2.16.840.1.113883.6.1';
export const CLASS_CODE_SCHEME = '1.2.250.1.213.1.1.4.1';

export const DOCUMENT_KINDS: Readonly<Record<DocumentKindId, DocumentKind>> = {
  'medication-review': {
    id: 'medication-review',
    code: '56445-0',
    displayName: 'Bilan partagé de médication',
    classCode: '11',
    classDisplay: 'Synthèse',
    label: 'BILAN PARTAGE DE MEDICATION',
    fileType: 'Bilan_de_medication',
  },
  'livret-medical': {
    id: 'livret-medical',
    code: '11490-0',
    displayName: "Lettre de liaison à la sortie d'un établissement de soins (livret médical)",
    classCode: '11',
    classDisplay: 'Synthèse',
    label: 'LIVRET MEDICAL',
    fileType: 'Livret_medical',
  },
  'biology-report': {
    id: 'biology-report',
    code: '11502-2',
    displayName: "CR d'examens biologiques",
    classCode: '10',
    classDisplay: 'Compte rendu',
    label: 'COMPTE RENDU DE BIOLOGIE',
    fileType: 'CR_de_biologie',
  },
};

export function documentKind(id: DocumentKindId): DocumentKind {
  return DOCUMENT_KINDS[id];
}
