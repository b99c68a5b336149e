// How the reference client sends a health document (SC.MSS/CONF.14, 15, 23, 24, 25): it
// writes its own CDA R2 and IHE_XDM.ZIP with the simulator's synthetic generator, the PDF copy,
// `X-MSS-INS`, `X-MSS-CODECDA` and the `XDM/1.0/DDM+` subject; the faulty variants break one
// of these each. A patient recipient is addressed from the qualified identity only (MSS/va1.19).
import { insPatientId } from '../domain/ins-oids.ts';
import { documentMessageParts, type DocumentMessageVariations } from '../services/documents/document-message.ts';
import { generateDocument } from '../services/documents/generate-document.ts';
import type { DocumentAuthor, DocumentPatient } from '../services/documents/health-document.ts';
import type { PatientIdentity, SendDocumentRequest } from './client-driver.ts';
import type { OutgoingDraft } from './outgoing-message.ts';
import { patientAddress } from './patient-addressing.ts';
import type { FaultSet } from './reference-fault.ts';

export type DocumentDraft = { readonly ok: true; readonly draft: OutgoingDraft } | { readonly ok: false; readonly reason: string };

/** Another synthetic patient: the one the faulty variants mix in. */
const OTHER_PATIENT: DocumentPatient = { ins: '152114908701235', oid: '1.2.250.1.213.1.4.10', birthName: 'LAMBERT', firstName: 'Gérard', birthDate: '1952-11-04', sex: 'M', qualified: true };
const DEFAULT_BODY = 'Bonjour,\nVeuillez trouver ci-joint le document de santé (archive IHE_XDM et sa copie PDF).\nBien cordialement.';

export function documentDraft(request: SendDocumentRequest, from: string, faults: FaultSet, now: Date): DocumentDraft {
  const to = [...(request.to ?? [])];
  if (request.toPatient) {
    const addressing = patientAddress(request.patient, faults);
    if (!addressing.ok) return { ok: false, reason: addressing.reason };
    to.push(addressing.address);
  }
  const author: DocumentAuthor = { name: from.split('@')[0] ?? from, organisation: from.split('@')[1] ?? from, address: from };
  const patient = documentPatient(request.patient);
  const documents = [generateDocument({ kind: request.document, patient, author, effectiveTime: now })];
  if (faults.has('xdm-two-patients')) documents.push(generateDocument({ kind: request.document, patient: OTHER_PATIENT, author, effectiveTime: now }));
  const parts = documentMessageParts({ documents, authorAddress: from, submissionTime: now, variations: variations(faults) });
  return {
    ok: true,
    draft: {
      from,
      to,
      subject: parts.subject,
      body: request.body ?? DEFAULT_BODY,
      headers: parts.headers,
      attachments: parts.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.content.toString('base64') })),
    },
  };
}

function documentPatient(identity: PatientIdentity): DocumentPatient {
  return { ...identity, ins: identity.ins.trim().toUpperCase() };
}

function variations(faults: FaultSet): DocumentMessageVariations {
  const tamper = {
    ...(faults.has('xdm-patient-id-not-ins') ? { patientId: insPatientId(OTHER_PATIENT.ins, OTHER_PATIENT.oid) } : {}),
    ...(faults.has('xdm-hash-mismatch') ? { wrongHash: true } : {}),
  };
  return {
    ...(Object.keys(tamper).length > 0 ? { tamper } : {}),
    ...(faults.has('xdm-pdf-missing') ? { withoutPdf: true } : {}),
    ...(faults.has('xdm-subject-prefix-wrong') ? { subjectPrefix: '[Document] ' } : {}),
    ...(faults.has('xdm-ins-header-unqualified') ? { xMssIns: 'O' as const } : {}),
    ...(faults.has('xdm-code-cda-mismatch') ? { codeCda: '11488-4' } : {}),
  };
}
