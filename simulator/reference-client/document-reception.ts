// What the reference client does with a received health-document message (SC.MSS/UX.01, 07,
// 09, 28, CDA.01): it detects IHE_XDM.ZIP, shows the subject without `XDM/1.0/DDM+`, and for
// each CDA document integrates it into the record of a patient of its base whose qualified
// identity strictly matches the document's qualified INS (matricule, OID, the four traits),
// puts it in the worklist otherwise, and refuses a document id it already integrated. Messages
// are processed once, in reception order. The archive is read with the simulator's XDM reader.
import { isQualifiedIns, insOf } from '../services/documents/document-patient.ts';
import type { CdaPatient } from '../services/documents/cda-header-reading.ts';
import { isXdmArchiveName } from '../services/documents/check-document-message.ts';
import { XDM_SUBJECT_PREFIX } from '../services/documents/document-message.ts';
import { readXdmArchive } from '../services/documents/read-xdm-archive.ts';
import type { ListedHealthDocuments, PatientIdentity } from './client-driver.ts';
import type { ReceivedRecord } from './client-memory.ts';
import type { FaultSet } from './reference-fault.ts';

type Outcome = ListedHealthDocuments['documents'][number];

export class DocumentReception {
  readonly #faults: FaultSet;
  #patients: PatientIdentity[] = [];
  #integrated = new Set<string>();
  #byMessage = new Map<string, ListedHealthDocuments | undefined>();

  constructor(faults: FaultSet) {
    this.#faults = faults;
  }

  registerPatient(patient: PatientIdentity): void {
    this.#patients.push(patient);
  }

  /** The health documents of a received message, processed on first call (reception order). */
  of(record: ReceivedRecord): ListedHealthDocuments | undefined {
    if (!this.#byMessage.has(record.clientMessageId)) this.#byMessage.set(record.clientMessageId, this.#process(record));
    return this.#byMessage.get(record.clientMessageId);
  }

  clear(): void {
    this.#patients = [];
    this.#integrated.clear();
    this.#byMessage.clear();
  }

  #process(record: ReceivedRecord): ListedHealthDocuments | undefined {
    if (this.#faults.has('xdm-archive-undetected')) return undefined;
    const archive = record.message.parsed.attachments.find((a) => isXdmArchiveName(a.filename));
    if (!archive?.content) return undefined;
    const subject = record.message.parsed.subject ?? '';
    const shown = subject.startsWith(XDM_SUBJECT_PREFIX) && !this.#faults.has('xdm-prefix-shown') ? subject.slice(XDM_SUBJECT_PREFIX.length) : subject;
    const documents = readXdmArchive(archive.content).documents.map((d) => this.#integrate(d.entry.uniqueId ?? '', d.entry.typeCode ?? d.header?.code ?? '', d.header?.patients[0]));
    return { subjectShown: shown, documents: documents.filter((d) => d.uniqueId !== '' && d.typeCode !== '') };
  }

  #integrate(uniqueId: string, typeCode: string, patient: CdaPatient | undefined): Outcome {
    if (this.#integrated.has(uniqueId) && !this.#faults.has('xdm-duplicate-integrated')) return { uniqueId, typeCode, outcome: 'duplicate-refused' };
    const match = patient ? this.#strictMatch(patient) : undefined;
    const ins = patient ? insOf(patient)?.ins : undefined;
    if (match && !this.#faults.has('xdm-qualified-match-in-worklist')) return this.#accept(uniqueId, typeCode, match.ins);
    if (!match && ins && this.#faults.has('xdm-integrated-without-ins-match')) return this.#accept(uniqueId, typeCode, ins);
    return { uniqueId, typeCode, outcome: 'worklist' };
  }

  #accept(uniqueId: string, typeCode: string, patientIns: string): Outcome {
    this.#integrated.add(uniqueId);
    return { uniqueId, typeCode, outcome: 'integrated', patientIns };
  }

  /** A qualified identity of the base equal to the document's qualified INS and its four traits (SC.MSS/UX.07). */
  #strictMatch(patient: CdaPatient): PatientIdentity | undefined {
    const ins = insOf(patient);
    if (!ins || !isQualifiedIns(patient)) return undefined;
    return this.#patients.find(
      (p) =>
        p.qualified &&
        p.ins.toUpperCase() === ins.ins.toUpperCase() &&
        p.oid === ins.oid &&
        p.birthName.toUpperCase() === (patient.birthName ?? '').toUpperCase() &&
        p.firstName.toLowerCase() === (patient.firstName ?? '').toLowerCase() &&
        p.birthDate.replace(/-/g, '') === patient.birthTime &&
        p.sex === patient.sex,
    );
  }
}
