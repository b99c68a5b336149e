// The OIDs that qualify a matricule INS as an INS (INS-NIR, INS-NIA and the test and
// demonstration NIR branches): what `patientId` in an XDM archive and `recordTarget` in a CDA
// header must carry for the patient to be identified by the INS (SC.MSS/CONF.14, CONF.24).
export const INS_NIR_OID = '1.2.250.1.213.1.4.8';
export const INS_NIA_OID = '1.2.250.1.213.1.4.9';
export const INS_NIR_TEST_OID = '1.2.250.1.213.1.4.10';
export const INS_NIR_DEMO_OID = '1.2.250.1.213.1.4.11';

const INS_OIDS: ReadonlySet<string> = new Set([INS_NIR_OID, INS_NIA_OID, INS_NIR_TEST_OID, INS_NIR_DEMO_OID]);

export function isInsOid(oid: string): boolean {
  return INS_OIDS.has(oid);
}

/** HL7 v2 CX form used by XDS/XDM `patientId`: `<matricule>^^^&<oid>&ISO`. */
export function insPatientId(ins: string, oid: string): string {
  return `${ins}^^^&${oid}&ISO`;
}

/** Reads a CX `patientId`: identifier and assigning authority OID; undefined when not of that shape. */
export function readPatientId(value: string): { readonly id: string; readonly oid: string } | undefined {
  const match = /^([^^&]+)\^\^\^&([0-9.]+)&ISO$/.exec(value.trim());
  return match?.[1] && match[2] ? { id: match[1], oid: match[2] } : undefined;
}
