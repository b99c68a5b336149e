// What the simulated Mon espace santé app shows a patient (REG-MES-01 to REG-MES-03, REG-FIN-01,
// REG-FIN-02): which screen (messaging, or the opposed / closed / no-profile screen), her
// conversations as she sees them (who wrote, when, documents, open or ended by « [FIN] », a
// message that allows no reply), her contacts, her frequented pharmacies and her documents.
// Read from the same Mon espace santé service and store the control API uses; nothing computed
// here decides a rule: a reply or a message is still checked by the service when sent.
import type { PatientProfileState } from '../../domain/model.ts';
import { patientAddressOf } from '../../domain/patient-address.ts';
import { patientRefusal } from '../../domain/patient-refusals.ts';
import { frequentedPharmacyMailboxes } from '../../domain/patient-write-permission.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import type { ConversationSnapshot, MonEspaceSante } from '../../services/mon-espace-sante/mon-espace-sante.ts';
import { PATIENT_DOCUMENT_KIND_LABELS } from './patient-document-kinds.ts';
import type { AppConversation, AppMessage, PatientAppView, PatientScreen } from './patient-app-types.ts';
import { mailboxPlace } from '../own-directory.ts';

export type { PatientAppView } from './patient-app-types.ts';

const SCREENS: Readonly<Record<PatientProfileState, PatientScreen>> = { active: 'messaging', opposed: 'opposed', closed: 'closed', none: 'absent' };

export function patientAppView(ins: string, view: TrustSpaceView, mes: MonEspaceSante): PatientAppView {
  const patient = view.patient(ins);
  const base = { ins, address: patientAddressOf(ins) };
  if (!patient) return { ...base, patient: null, profile: 'unknown', screen: 'absent', conversations: [], contacts: [], pharmacies: [], documents: [] };
  const screen = SCREENS[patient.profile];
  const identity = { firstName: patient.identity.firstName, birthName: patient.identity.birthName };
  if (screen !== 'messaging') return { ...base, patient: identity, profile: patient.profile, screen, conversations: [], contacts: [], pharmacies: [], documents: [] };
  const nameOf = (address: string) => view.mailbox(address)?.displayName ?? address;
  const pharmacyMailboxes = frequentedPharmacyMailboxes(patient, view);
  const pharmacyAddresses = new Set(pharmacyMailboxes.map((mailbox) => mailbox.address.toLowerCase()));
  return {
    ...base,
    patient: identity,
    profile: patient.profile,
    screen,
    conversations: mes
      .conversations(ins)
      .map((conversation) => appConversation(conversation, `${identity.firstName} ${identity.birthName}`, nameOf))
      .sort((a, b) => b.lastAt.localeCompare(a.lastAt)),
    contacts: mes
      .contactable(ins)
      .filter((address) => !pharmacyAddresses.has(address.toLowerCase()))
      .map((address) => ({ address, name: nameOf(address) })),
    pharmacies: pharmacyMailboxes.flatMap((mailbox) => {
      const place = mailboxPlace(view, mailbox);
      return place ? [{ address: mailbox.address, ...place }] : [];
    }),
    documents: (patient.documents ?? []).map((document) => ({
      id: document.id,
      kind: document.kind,
      kindLabel: PATIENT_DOCUMENT_KIND_LABELS[document.kind],
      title: document.title,
      date: document.date,
      author: document.author,
      fileName: document.fileName,
    })),
  };
}

function appConversation(conversation: ConversationSnapshot, patientName: string, nameOf: (address: string) => string): AppConversation {
  const open = conversation.state === 'open';
  const closer = conversation.entries.find((entry) => entry.storeId === conversation.closedBy);
  const messages = conversation.entries.map((entry): AppMessage => {
    const toPatient = entry.direction === 'to-patient';
    const from = entry.from;
    return {
      storeId: entry.storeId,
      direction: entry.direction,
      from,
      fromName: toPatient ? nameOf(from) : patientName,
      subject: entry.subject ?? '',
      at: entry.at,
      ...(toPatient && !entry.replyable ? { notReplyable: patientRefusal('message-not-replyable').text } : {}),
      canReply: open && toPatient && entry.replyable,
      documents: [], // read from the store by the route (readable-message.ts, withDocuments)
    };
  });
  const closerName = nameOf(closer?.from ?? conversation.counterpart);
  return {
    id: conversation.id,
    counterpart: conversation.counterpart,
    counterpartName: nameOf(conversation.counterpart),
    state: conversation.state,
    ...(open ? {} : { closedBanner: patientRefusal('conversation-closed', { name: closerName }).text }),
    lastAt: conversation.entries.at(-1)?.at ?? '',
    messages,
  };
}
