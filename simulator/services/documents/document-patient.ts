// Who an XDM archive is about (SC.MSS/CONF.23, CONF.24, CONF.14): the patient of each CDA
// header, whether it is a qualified INS (INS OID, valid matricule, the four traits), and the
// patient findings: patientId differing from the CDA patient, several patients in one message.
import { checkInsNumber } from '../../domain/ins-number.ts';
import { isInsOid, readPatientId } from '../../domain/ins-oids.ts';
import type { CdaPatient } from './cda-header-reading.ts';
import { finding, type DocumentFinding } from './document-finding.ts';
import type { ReportedPatient } from './document-report.ts';
import { optional } from './optional-field.ts';
import type { ArchiveReading } from './read-xdm-archive.ts';

export function insOf(patient: CdaPatient): { ins: string; oid: string } | undefined {
  const id = patient.ids.find((i) => isInsOid(i.root) && i.extension !== undefined);
  return id?.extension ? { ins: id.extension, oid: id.root } : undefined;
}

export function isQualifiedIns(patient: CdaPatient): boolean {
  const ins = insOf(patient);
  return ins !== undefined && checkInsNumber(ins.ins).valid && [patient.birthName, patient.firstName, patient.birthTime, patient.sex].every((t) => t !== undefined && t !== '');
}

/** The patient of the first document, as the report shows it. */
export function reportedPatient(reading: ArchiveReading): ReportedPatient | undefined {
  const patient = reading.documents.flatMap((d) => d.header?.patients ?? [])[0];
  const patientId = reading.metadata?.submissionSet?.patientId ?? reading.metadata?.entries[0]?.patientId;
  if (!patient && !patientId) return undefined;
  const ins = patient ? insOf(patient) : undefined;
  return {
    ...optional('patientId', patientId),
    ...optional('ins', ins?.ins),
    ...optional('oid', ins?.oid),
    ...optional('birthName', patient?.birthName),
    ...optional('firstName', patient?.firstName),
    ...optional('birthTime', patient?.birthTime),
    ...optional('sex', patient?.sex),
    qualifiedIns: reading.documents.some((d) => d.header?.patients.some(isQualifiedIns) ?? false),
  };
}

export function patientFindings(reading: ArchiveReading): DocumentFinding[] {
  const findings: DocumentFinding[] = [];
  const ids = new Set<string>();
  const setId = reading.metadata?.submissionSet?.patientId;
  if (setId) ids.add(normalise(setId));
  for (const document of reading.documents) {
    const { entry, header } = document;
    if (entry.patientId) ids.add(normalise(entry.patientId));
    const cdaPatient = header?.patients[0];
    if (header && header.patients.length !== 1) findings.push(finding('SC.MSS/CONF.23', 'several-patients', `Le document « ${entry.uri ?? entry.id} » a ${header.patients.length} patients (recordTarget) au lieu d'un.`));
    const parsed = entry.patientId ? readPatientId(entry.patientId) : undefined;
    if (entry.patientId && !parsed) findings.push(finding('SC.MSS/CONF.24', 'patient-id-not-ins', `patientId « ${entry.patientId} » de « ${entry.uri ?? entry.id} » n'a pas la forme <matricule>^^^&<OID>&ISO.`));
    if (parsed && isInsOid(parsed.oid) && !checkInsNumber(parsed.id).valid) findings.push(finding('SC.MSS/CONF.24', 'patient-id-not-ins', `patientId « ${entry.patientId} » porte l'OID de l'INS mais « ${parsed.id} » n'est pas un matricule INS valide (longueur, caractères ou clé).`));
    if (parsed && cdaPatient && !cdaPatient.ids.some((i) => i.root === parsed.oid && i.extension === parsed.id)) {
      findings.push(finding('SC.MSS/CONF.24', 'patient-id-mismatch', `patientId « ${entry.patientId} » de METADATA.XML ne désigne pas le patient du document « ${entry.uri ?? entry.id} » (${describe(cdaPatient)}).`));
    }
  }
  if (ids.size > 1) findings.push(finding('SC.MSS/CONF.23', 'several-patients', `Le message concerne plusieurs patients (${[...ids].join(' ; ')}) : un message de documents de santé ne concerne qu'un seul patient.`));
  return findings;
}

function normalise(patientId: string): string {
  return patientId.trim();
}

function describe(patient: CdaPatient): string {
  const ids = patient.ids.map((i) => `${i.extension ?? ''}^^^&${i.root}&ISO`).join(', ');
  return `${patient.birthName ?? '?'} ${patient.firstName ?? '?'}, ${ids || 'sans identifiant'}`;
}
