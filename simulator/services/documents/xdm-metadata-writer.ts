// Writes METADATA.XML of an XDM submission set (ebRIM 3.0 SubmitObjectsRequest): one
// ExtrinsicObject per document (hash SHA-1, size, URI, patient, class, type and format codes,
// unique id) and the RegistryPackage of the submission set with its HasMember associations.
import { CLASS_CODE_SCHEME, LOINC_OID } from './document-kinds.ts';
import type { HealthDocument } from './health-document.ts';
import { hl7Date, hl7Timestamp } from './hl7-time.ts';
import { EBRIM, XDS } from './xds-vocabulary.ts';
import { xmlEscape as x } from './xml-text.ts';

export interface MetadataEntry {
  readonly document: HealthDocument;
  /** File name inside IHE_XDM/SUBSET01/. */
  readonly uri: string;
  readonly hash: string;
  readonly size: number;
  readonly patientId: string;
}

export interface MetadataInput {
  readonly entries: readonly MetadataEntry[];
  readonly submissionUniqueId: string;
  readonly sourceId: string;
  readonly patientId: string;
  readonly submissionTime: Date;
  readonly authorAddress: string;
}

export function writeMetadata(input: MetadataInput): string {
  const entries = input.entries.map((entry, i) => extrinsicObject(entry, `Document${String(i + 1).padStart(2, '0')}`));
  const members = input.entries.map((_, i) => `    <rim:Association id="Association${i + 1}" associationType="${EBRIM.hasMember}" sourceObject="SubmissionSet01" targetObject="Document${String(i + 1).padStart(2, '0')}">${slot('SubmissionSetStatus', ['Original'])}</rim:Association>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<lcm:SubmitObjectsRequest xmlns:lcm="${EBRIM.lcm}" xmlns:rim="${EBRIM.rim}">`,
    '  <rim:RegistryObjectList>',
    ...entries,
    '    <rim:RegistryPackage id="SubmissionSet01" objectType="urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage">',
    `      ${slot('submissionTime', [hl7Timestamp(input.submissionTime)])}`,
    '      <rim:Name><rim:LocalizedString value="Envoi de documents de santé"/></rim:Name>',
    `      ${classification('cl-set-content', XDS.setContentTypeCode, 'SubmissionSet01', '04', '1.2.250.1.213.1.1.4.12', 'Hospitalisation')}`,
    `      ${externalId('ei-set-patient', XDS.setPatientId, 'SubmissionSet01', input.patientId, 'XDSSubmissionSet.patientId')}`,
    `      ${externalId('ei-set-unique', XDS.setUniqueId, 'SubmissionSet01', input.submissionUniqueId, 'XDSSubmissionSet.uniqueId')}`,
    `      ${externalId('ei-set-source', XDS.setSourceId, 'SubmissionSet01', input.sourceId, 'XDSSubmissionSet.sourceId')}`,
    '    </rim:RegistryPackage>',
    `    <rim:Classification id="cl-set-node" classifiedObject="SubmissionSet01" classificationNode="${XDS.submissionSet}" objectType="${EBRIM.classification}"/>`,
    ...members,
    '  </rim:RegistryObjectList>',
    '</lcm:SubmitObjectsRequest>',
    '',
  ].join('\n');
}

function extrinsicObject(entry: MetadataEntry, id: string): string {
  const { document } = entry;
  const p = document.patient;
  const pid3 = p.qualified ? [`PID-3|${p.ins}^^^&${p.oid}&ISO^NH`] : [];
  return [
    `    <rim:ExtrinsicObject id="${id}" mimeType="text/xml" objectType="${XDS.documentEntry}">`,
    `      ${slot('creationTime', [hl7Timestamp(document.effectiveTime)])}`,
    `      ${slot('hash', [entry.hash])}`,
    `      ${slot('size', [String(entry.size)])}`,
    `      ${slot('URI', [entry.uri])}`,
    `      ${slot('languageCode', ['fr-FR'])}`,
    `      ${slot('sourcePatientId', [entry.patientId])}`,
    `      ${slot('sourcePatientInfo', [...pid3, `PID-5|${p.birthName}^${p.firstName}^^^^^L`, `PID-7|${hl7Date(p.birthDate)}`, `PID-8|${p.sex}`])}`,
    `      <rim:Name><rim:LocalizedString value="${x(document.title)}"/></rim:Name>`,
    `      ${classification(`cl-class-${id}`, XDS.entryClassCode, id, document.kind.classCode, CLASS_CODE_SCHEME, document.kind.classDisplay)}`,
    `      ${classification(`cl-type-${id}`, XDS.entryTypeCode, id, document.kind.code, LOINC_OID, document.kind.displayName)}`,
    `      ${classification(`cl-format-${id}`, XDS.entryFormatCode, id, 'urn:ihe:iti:xds-sd:text:2008', '1.3.6.1.4.1.19376.1.2.3', 'Document à corps structuré')}`,
    `      ${classification(`cl-conf-${id}`, XDS.entryConfidentialityCode, id, 'N', '2.16.840.1.113883.5.25', 'Normal')}`,
    `      ${externalId(`ei-patient-${id}`, XDS.entryPatientId, id, entry.patientId, 'XDSDocumentEntry.patientId')}`,
    `      ${externalId(`ei-unique-${id}`, XDS.entryUniqueId, id, document.uniqueId, 'XDSDocumentEntry.uniqueId')}`,
    '    </rim:ExtrinsicObject>',
  ].join('\n');
}

function slot(name: string, values: readonly string[]): string {
  return `<rim:Slot name="${x(name)}"><rim:ValueList>${values.map((v) => `<rim:Value>${x(v)}</rim:Value>`).join('')}</rim:ValueList></rim:Slot>`;
}

function classification(id: string, scheme: string, object: string, code: string, codingScheme: string, display: string): string {
  return `<rim:Classification id="${id}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="${x(code)}" objectType="${EBRIM.classification}">${slot('codingScheme', [codingScheme])}<rim:Name><rim:LocalizedString value="${x(display)}"/></rim:Name></rim:Classification>`;
}

function externalId(id: string, scheme: string, object: string, value: string, name: string): string {
  return `<rim:ExternalIdentifier id="${id}" identificationScheme="${scheme}" registryObject="${object}" value="${x(value)}" objectType="${EBRIM.externalIdentifier}"><rim:Name><rim:LocalizedString value="${name}"/></rim:Name></rim:ExternalIdentifier>`;
}
