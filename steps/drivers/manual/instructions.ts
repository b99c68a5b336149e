// The French wording of every instruction of the manual driver: what exactly the person
// must do in the software under test. Pure: requests in, text out; the driver prints and publishes.
import type { Attachment, EndConversationRequest, FindRecipientRequest, PatientIdentity, SendRequest, WriteToPatientRequest } from '../../../simulator/public-api.ts';

export interface Instruction {
  readonly text: string;
  readonly details: readonly string[];
}

export { configureInstruction, type PublishedFiles } from './configure-instruction.ts';

export interface SendContext {
  /** An address with the name the trust space knows for it, e.g. `paul.martin@… (Paul Martin)`. */
  readonly describe: (address: string) => string;
  /** Files written for the attachments, in the order of the request. */
  readonly attachmentPaths: readonly string[];
  /** The message answered, when the request is a reply. */
  readonly repliedTo?: { readonly subject: string; readonly sentAt: string };
}

export function sendInstruction(mailbox: string, request: SendRequest, context: SendContext): Instruction {
  const replied = context.repliedTo;
  return {
    text: replied ? `Répondez, depuis la boîte ${mailbox}, au message « ${replied.subject} » (fonction « Répondre » du logiciel)` : `Envoyez un message depuis la boîte ${mailbox}`,
    details: [
      ...(request.to === undefined ? ['Destinataire : celui que le logiciel propose pour la réponse (ne le changez pas)'] : request.to.map((to) => `Destinataire : ${context.describe(to)}`)),
      ...(request.cc ?? []).map((cc) => `Copie : ${context.describe(cc)}`),
      `Objet, exactement : ${request.subject}`,
      `Texte : ${request.body}`,
      ...attachmentLines(request.attachments ?? [], context.attachmentPaths),
      ...(request.requestDeliveryReceipt ? ['Demandez un accusé de réception.'] : []),
      ...(request.requestReadReceipt ? ['Demandez un accusé de lecture.'] : []),
      'Puis cliquez sur « Envoyer ».',
    ],
  };
}

export function writeToPatientInstruction(mailbox: string, request: WriteToPatientRequest, attachmentPaths: readonly string[] = []): Instruction {
  return {
    text: `Écrivez ${toPatient(request.patient)} par sa messagerie Mon espace santé, depuis la boîte ${mailbox}`,
    details: [
      ...patientDetails(request.patient),
      `Objet, exactement : ${request.subject}`,
      `Texte : ${request.body}`,
      ...attachmentLines(request.attachments ?? [], attachmentPaths),
      ...(request.noReply ? ["Interdisez la réponse à ce message (option du logiciel qui ajoute l'en-tête X-MSS-MES: FIN)."] : []),
      'Puis cliquez sur « Envoyer ».',
    ],
  };
}

export function endConversationInstruction(mailbox: string, request: EndConversationRequest): Instruction {
  const how = request.method === 'subject' ? "clôture par l'objet « [FIN] »" : 'message sans réponse possible, en-tête X-MSS-MES: FIN';
  return {
    text: `Mettez fin à l'échange avec ${patientName(request.patient)} sur Mon espace santé, depuis la boîte ${mailbox} (${how})`,
    details: [
      ...patientDetails(request.patient),
      ...(request.body === undefined ? [] : [`Texte : ${request.body}`]),
      "Utilisez la fonction du logiciel prévue pour clore l'échange, puis envoyez.",
    ],
  };
}

function attachmentLines(attachments: readonly Attachment[], paths: readonly string[]): string[] {
  return attachments.map((a, i) => `Pièce jointe : ${paths[i] ?? a.filename} (${a.contentType})`);
}

/** The identity exactly as the software must hold it: the person never types the address (MSS/va1.19). */
function patientDetails(patient: PatientIdentity): string[] {
  return [
    `Ouvrez ou créez le dossier de ${patientName(patient)} avec exactement ces traits d'identité :`,
    `Nom de naissance : ${patient.birthName} ; prénom : ${patient.firstName} ; né${patient.sex === 'F' ? 'e' : ''} le ${frenchDate(patient.birthDate)} ; sexe : ${patient.sex}`,
    `Matricule INS : ${patient.ins} (OID ${patient.oid})`,
    patient.qualified ? "Statut de l'identité : qualifiée" : "Statut de l'identité : NON qualifiée (laissez-la non qualifiée, ne la validez pas)",
    "Ne saisissez aucune adresse : c'est au logiciel de construire l'adresse Mon espace santé à partir de l'INS.",
  ];
}

export function findRecipientInstruction(mailbox: string, request: FindRecipientRequest): Instruction {
  const kind = { practitioner: 'un professionnel', organisation: 'une structure', pharmacy: 'une officine' }[request.kind ?? 'practitioner'];
  return {
    text: `Dans un nouveau message depuis la boîte ${mailbox}, cherchez ${request.kind ? kind : 'un destinataire'} dans l'Annuaire Santé en tapant « ${request.query} »`,
    details: ["N'envoyez rien : regardez les destinataires proposés, une question suivra."],
  };
}

export function synchroniseInstruction(mailbox: string): Instruction {
  return { text: `Relevez la boîte ${mailbox} (bouton « Relever » ou équivalent du logiciel)`, details: ['Attendez que le logiciel ait fini de relever la boîte.'] };
}

export const NEW_SCENARIO: Instruction = {
  text: 'Nouveau scénario : la boîte a été vidée côté opérateur',
  details: ["Ignorez les messages des scénarios précédents encore affichés par le logiciel ; les questions citent l'objet exact des messages concernés."],
};

function patientName(patient: PatientIdentity): string {
  return `${patient.sex === 'F' ? 'la patiente' : 'le patient'} ${patient.firstName} ${patient.birthName}`;
}

function toPatient(patient: PatientIdentity): string {
  return `${patient.sex === 'F' ? 'à la patiente' : 'au patient'} ${patient.firstName} ${patient.birthName}`;
}

function frenchDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return year && month && day ? `${day}/${month}/${year}` : iso;
}
