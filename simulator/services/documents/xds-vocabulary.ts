// The ebRIM identifiers of IHE ITI XDS metadata used in an XDM METADATA.XML (ITI TF-3 §4.2.5):
// object types, classification schemes and external identifier schemes, shared by the writer
// and the reader so that both agree.
export const EBRIM = {
  lcm: 'urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0',
  rim: 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0',
  hasMember: 'urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember',
  classification: 'urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Classification',
  externalIdentifier: 'urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier',
} as const;

export const XDS = {
  documentEntry: 'urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1',
  submissionSet: 'urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd',
  entryClassCode: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
  entryTypeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  entryFormatCode: 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
  entryConfidentialityCode: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
  entryPatientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
  entryUniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  setContentTypeCode: 'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500',
  setPatientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
  setUniqueId: 'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
  setSourceId: 'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
} as const;

/** Where the archive keeps its submission set (IHE ITI TF-1 §16, XDM media layout). */
export const XDM_PATHS = {
  index: 'INDEX.HTM',
  readme: 'README.TXT',
  subset: 'IHE_XDM/SUBSET01/',
  metadata: 'IHE_XDM/SUBSET01/METADATA.XML',
} as const;

/** The file name of the archive attached to the message. */
export const XDM_ARCHIVE_NAME = 'IHE_XDM.ZIP';
