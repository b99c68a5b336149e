// Writes a synthetic CDA R2 document (HL7 v3 ClinicalDocument, French realm): header with the
// document `code` (SC.MSS/CONF.15), `recordTarget` carrying the INS with its OID and the four
// traits when the identity is qualified, a local identifier otherwise (SC.MSS/CONF.14), the
// author and custodian, and a narrative body. Deterministic: same input, same bytes.
import { LOINC_OID, type DocumentKind } from './document-kinds.ts';
import { LOCAL_PATIENT_ID_OID, type DocumentAuthor, type DocumentPatient } from './health-document.ts';
import { hl7Date, hl7Timestamp } from './hl7-time.ts';
import { xmlEscape as x } from './xml-text.ts';

export interface CdaInput {
  readonly kind: DocumentKind;
  readonly uniqueId: string;
  readonly title: string;
  readonly effectiveTime: Date;
  readonly patient: DocumentPatient;
  readonly author: DocumentAuthor;
  readonly paragraphs: readonly string[];
}

export function writeCda(input: CdaInput): string {
  const { kind, patient, author } = input;
  const time = hl7Timestamp(input.effectiveTime);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <realmCode code="FR"/>',
    '  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>',
    '  <templateId root="1.2.250.1.213.1.1.1.1"/>',
    `  <id root="${x(input.uniqueId)}"/>`,
    `  <code code="${x(kind.code)}" codeSystem="${LOINC_OID}" codeSystemName="LOINC" displayName="${x(kind.displayName)}"/>`,
    `  <title>${x(input.title)}</title>`,
    `  <effectiveTime value="${time}"/>`,
    '  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>',
    '  <languageCode code="fr-FR"/>',
    `  <setId root="${x(input.uniqueId)}"/>`,
    '  <versionNumber value="1"/>',
    ...recordTarget(patient),
    '  <author>',
    `    <time value="${time}"/>`,
    '    <assignedAuthor>',
    `      <id root="${LOCAL_PATIENT_ID_OID}.9" extension="${x(author.address)}"/>`,
    `      <telecom value="mailto:${x(author.address)}"/>`,
    `      <assignedPerson><name>${x(author.name)}</name></assignedPerson>`,
    `      <representedOrganization><name>${x(author.organisation)}</name></representedOrganization>`,
    '    </assignedAuthor>',
    '  </author>',
    '  <custodian><assignedCustodian><representedCustodianOrganization>',
    `    <id root="${LOCAL_PATIENT_ID_OID}.9"/><name>${x(author.organisation)}</name>`,
    '  </representedCustodianOrganization></assignedCustodian></custodian>',
    '  <component><structuredBody><component><section>',
    `    <code code="${x(kind.code)}" codeSystem="${LOINC_OID}"/>`,
    `    <title>${x(input.title)}</title>`,
    `    <text>${input.paragraphs.map((p) => `<paragraph>${x(p)}</paragraph>`).join('')}</text>`,
    '  </section></component></structuredBody></component>',
    '</ClinicalDocument>',
    '',
  ].join('\n');
}

/** The INS (qualified identity) or a local identifier (not qualified: the INS must not travel). */
function recordTarget(patient: DocumentPatient): string[] {
  const id = patient.qualified
    ? `<id root="${x(patient.oid)}" extension="${x(patient.ins)}"/>`
    : `<id root="${LOCAL_PATIENT_ID_OID}" extension="${x(localPatientNumber(patient))}"/>`;
  return [
    '  <recordTarget><patientRole>',
    `    ${id}`,
    '    <patient>',
    `      <name><family qualifier="BR">${x(patient.birthName)}</family><given>${x(patient.firstName)}</given></name>`,
    `      <administrativeGenderCode code="${patient.sex}" codeSystem="2.16.840.1.113883.5.1"/>`,
    `      <birthTime value="${hl7Date(patient.birthDate)}"/>`,
    '    </patient>',
    '  </patientRole></recordTarget>',
  ];
}

/** The sender's local patient number (IPP) for an unqualified identity: synthetic, stable. */
export function localPatientNumber(patient: DocumentPatient): string {
  return `IPP${patient.ins.slice(7, 13)}`;
}
