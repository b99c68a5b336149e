// Reads METADATA.XML of an XDM archive (ebRIM 3.0): the submission set and every document
// entry with what the checks need (patientId, uniqueId, URI, hash, size, mimeType, typeCode,
// classCode, sourcePatientInfo). Tolerant: missing fields are left undefined for the checks.
import { optional } from './optional-field.ts';
import { attribute, child, children, text, type XmlNode } from './safe-xml.ts';
import { XDS } from './xds-vocabulary.ts';

export interface MetadataDocumentEntry {
  readonly id: string;
  readonly mimeType?: string;
  readonly uri?: string;
  readonly hash?: string;
  readonly size?: string;
  readonly patientId?: string;
  readonly uniqueId?: string;
  readonly typeCode?: string;
  readonly classCode?: string;
  readonly sourcePatientInfo: readonly string[];
}

export interface XdmMetadata {
  readonly submissionSet?: { readonly patientId?: string; readonly uniqueId?: string };
  readonly entries: readonly MetadataDocumentEntry[];
}

export function readMetadata(root: XmlNode): XdmMetadata | undefined {
  const list = child(root, 'SubmitObjectsRequest', 'RegistryObjectList') ?? child(root, 'ProvideAndRegisterDocumentSetRequest', 'SubmitObjectsRequest', 'RegistryObjectList');
  if (!list) return undefined;
  const entries = children(list, 'ExtrinsicObject').map(readEntry);
  const set = children(list, 'RegistryPackage')[0];
  if (!set) return { entries };
  return { submissionSet: { ...optional('patientId', externalIdentifier(set, XDS.setPatientId)), ...optional('uniqueId', externalIdentifier(set, XDS.setUniqueId)) }, entries };
}

function readEntry(node: XmlNode): MetadataDocumentEntry {
  return {
    id: attribute(node, 'id') ?? '',
    ...optional('mimeType', attribute(node, 'mimeType')),
    ...optional('uri', slotValues(node, 'URI')[0]),
    ...optional('hash', slotValues(node, 'hash')[0]),
    ...optional('size', slotValues(node, 'size')[0]),
    ...optional('patientId', externalIdentifier(node, XDS.entryPatientId)),
    ...optional('uniqueId', externalIdentifier(node, XDS.entryUniqueId)),
    ...optional('typeCode', classificationCode(node, XDS.entryTypeCode)),
    ...optional('classCode', classificationCode(node, XDS.entryClassCode)),
    sourcePatientInfo: slotValues(node, 'sourcePatientInfo'),
  };
}

function slotValues(node: XmlNode, name: string): string[] {
  const slot = children(node, 'Slot').find((s) => attribute(s, 'name') === name);
  return children(child(slot, 'ValueList'), 'Value').map((v) => text(v) ?? '');
}

function externalIdentifier(node: XmlNode, scheme: string): string | undefined {
  return attribute(children(node, 'ExternalIdentifier').find((e) => attribute(e, 'identificationScheme') === scheme), 'value');
}

function classificationCode(node: XmlNode, scheme: string): string | undefined {
  return attribute(children(node, 'Classification').find((c) => attribute(c, 'classificationScheme') === scheme), 'nodeRepresentation');
}
