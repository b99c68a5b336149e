// Typed samples of every type of the driver contract (client-driver.ts), as the wire carries
// them: shared by the schema tests and the fake adapter of the HTTP driver tests. Synthetic.
import type { ActionResult, Capability, SendDocumentRequest, DriverConfiguration, EndConversationRequest, FindRecipientRequest, FoundRecipient, ListedMessage, PatientIdentity, SendRequest, WriteToPatientRequest } from '../../../../simulator/public-api.ts';
import { withInsKey } from '../../../../simulator/public-api.ts';
import type { DriverResponseBodies } from '../driver-operations.ts';

/** Every capability, checked exhaustive by the compiler. */
const CAPABILITY_SET: Record<Capability, true> = {
  'patient-messaging': true,
  'end-conversation-subject': true,
  'end-conversation-header': true,
  'directory-search': true,
  'mailbox-sync': true,
  'delivery-receipts': true,
  'read-receipts': true,
  reply: true,
  documents: true,
  'documents-reception': true,
  'psc-authentication': true,
  'session-reopening': true,
  'app-mailbox': true,
  autoconfig: true,
};
export const ALL_CAPABILITIES = Object.keys(CAPABILITY_SET) as Capability[];

export const LOUISE: PatientIdentity = {
  ins: withInsKey('2840775123456'),
  oid: '1.2.250.1.213.1.4.8',
  birthName: 'EXEMPLE',
  firstName: 'Louise',
  birthDate: '1984-07-12',
  sex: 'F',
  qualified: true,
};
export const LOUISE_ADDRESS = `${LOUISE.ins}@patient.mssante.fr`;

export const CONFIGURATION_PASSWORD: DriverConfiguration = {
  smtp: { host: '127.0.0.1', port: 2587, security: 'starttls' },
  imap: { host: '127.0.0.1', port: 2993, security: 'tls' },
  directory: { baseUrl: 'http://127.0.0.1:8443/fhir/v2', apiKey: 'cle-de-test' },
  caCertificatePem: '-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n',
  mailbox: { address: 'pharmacie.duparc@pharmacien.mssante.fr', authentication: 'password', password: 'secret' },
};
export const CONFIGURATION_OAUTH2: DriverConfiguration = {
  ...CONFIGURATION_PASSWORD,
  imap: { host: 'localhost', port: 2143, security: 'starttls' },
  mailbox: { address: 'camille.exemple@pharmacien.mssante.fr', authentication: 'oauth2', tokenEndpoint: 'http://127.0.0.1:8080/psc/token', username: 'camille', clientSecret: 's3cret' },
};

export const CONFIGURATION_PSC: DriverConfiguration = {
  ...CONFIGURATION_PASSWORD,
  mailbox: {
    address: 'camille.exemple@pharmacien.mssante.fr',
    authentication: 'oauth2',
    password: 'secret',
    psc: { login: '899900100019', password: 'psc-test', clientId: 'logiciel-teste', discoveryUrl: 'http://127.0.0.1:8080/psc/.well-known/openid-configuration', tokenEndpoint: 'http://127.0.0.1:8080/psc/token' },
  },
};
export const CONFIGURATION_APP_AUTOCONFIG: DriverConfiguration = {
  autoconfig: { url: 'http://127.0.0.1:8080/.well-known/autoconfig/mail/config-v1.1.xml' },
  directory: CONFIGURATION_PASSWORD.directory,
  caCertificatePem: CONFIGURATION_PASSWORD.caCertificatePem,
  mailbox: {
    address: 'dpi@hopital.mssante.fr',
    authentication: 'password',
    password: 'secret',
    clientCertificate: { certificatePem: '-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n', privateKeyPem: '-----BEGIN PRIVATE KEY-----\nTUlJQg==\n-----END PRIVATE KEY-----\n' },
    replyTo: 'secretariat@hopital.mssante.fr',
  },
};

export const SEND_FULL: SendRequest = {
  to: ['docteur.martin@medecin.mssante.fr'],
  cc: ['sophie.secretaire@hopital.mssante.fr'],
  subject: 'Bilan de médication avant admission',
  body: 'Bonjour,\nvoici le bilan.',
  attachments: [{ filename: 'bilan.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0xLjQK' }],
  inReplyTo: 'client-42',
  requestDeliveryReceipt: true,
};
export const SEND_MINIMAL: SendRequest = { to: [LOUISE_ADDRESS], subject: '', body: '' };

export const WRITE_TO_PATIENT: WriteToPatientRequest = { patient: LOUISE, subject: 'Rappel de vaccination', body: 'Bonjour Louise.', noReply: true };
export const FIND_RECIPIENT: FindRecipientRequest = { query: '75011', kind: 'pharmacy' };
export const END_BY_SUBJECT: EndConversationRequest = { patient: LOUISE, method: 'subject', body: 'Bonne journée.' };
export const END_BY_HEADER: EndConversationRequest = { patient: { ...LOUISE, ins: '1840775123456', qualified: false }, method: 'header' };

export const RESULT_SENT: ActionResult = { status: 'sent', clientMessageId: 'client-1', messageId: '<a1b2c3@pharmacie.example>' };
export const RESULT_SENT_MINIMAL: ActionResult = { status: 'sent', clientMessageId: 'client-2' };
export const RESULT_REFUSED: ActionResult = { status: 'refused', reason: "Identité non qualifiée : impossible d'écrire au patient." };
export const RESULT_FAILED: ActionResult = { status: 'failed', smtpReply: '550 5.7.1 Destinataire hors espace de confiance', shownToUser: 'Destinataire refusé.' };
export const RESULT_FAILED_MINIMAL: ActionResult = { status: 'failed', shownToUser: 'Envoi impossible.' };
export const SYNCHRONISE_FAILED = { status: 'failed', shownToUser: 'Relève impossible : le serveur IMAP ne propose pas STARTTLS.' } as const;

export const PHARMACY: FoundRecipient = { displayName: 'Pharmacie du Parc', address: 'pharmacie.duparc@pharmacien.mssante.fr', mailboxType: 'ORG' };
export const DOCTOR: FoundRecipient = { displayName: 'Dr Martin', address: 'docteur.martin@medecin.mssante.fr', mailboxType: 'PER' };

export const SENT_MESSAGE: ListedMessage = {
  clientMessageId: 'client-1',
  messageId: '<a1b2c3@pharmacie.example>',
  folder: 'sent',
  from: 'pharmacie.duparc@pharmacien.mssante.fr',
  to: [LOUISE_ADDRESS],
  subject: 'Rappel de vaccination',
  receivedAt: '2025-03-13T14:54:10Z',
  kind: 'message',
  deliveryState: 'undelivered',
};
export const BOUNCE: ListedMessage = {
  clientMessageId: 'client-3',
  folder: 'inbox',
  from: 'MAILER-DAEMON@patient.mssante.fr',
  to: ['pharmacie.duparc@pharmacien.mssante.fr'],
  subject: 'Message non distribué',
  receivedAt: '2025-03-13T14:54:12+01:00',
  kind: 'bounce',
  report: { aboutClientMessageId: 'client-1', status: 'undelivered', reasonShown: "cette adresse Mon espace santé n'existe pas" },
};
export const PATIENT_MESSAGE: ListedMessage = {
  clientMessageId: 'client-4',
  folder: 'inbox',
  from: LOUISE_ADDRESS,
  to: ['pharmacie.duparc@pharmacien.mssante.fr'],
  subject: 'Mon ordonnance',
  receivedAt: '2025-03-14T09:00:00.123Z',
  kind: 'patient-message',
  patient: { birthName: 'EXEMPLE', firstName: 'Louise', ins: LOUISE.ins },
};
export const RECEIPT: ListedMessage = { ...SENT_MESSAGE, clientMessageId: 'client-5', folder: 'inbox', kind: 'receipt', report: { status: 'delivered', reasonShown: '' } };

export const SEND_DOCUMENT: SendDocumentRequest = { to: ['secretariat.cardiologie@ch-valbrume.mssante.fr'], toPatient: true, patient: LOUISE, document: 'medication-review', body: 'Bonjour,\nvoici le bilan partagé de médication.' };
export const SEND_DOCUMENT_TO_PATIENT: SendDocumentRequest = { toPatient: true, patient: LOUISE, document: 'biology-report' };
export const DOCUMENT_MESSAGE: ListedMessage = {
  clientMessageId: 'client-6',
  folder: 'inbox',
  from: 'dpi@ch-valbrume.mssante.fr',
  to: ['pharmacie.duparc@pharmacien.mssante.fr'],
  receivedAt: '2025-03-15T08:00:00Z',
  kind: 'message',
  subject: `XDM/1.0/DDM+LIVRET MEDICAL EXEMPLE Louise 12/07/1984`,
  healthDocuments: { subjectShown: 'LIVRET MEDICAL EXEMPLE Louise 12/07/1984', documents: [{ uniqueId: '1.2.250.1.999.77.2.42', typeCode: '11490-0', outcome: 'integrated', patientIns: LOUISE.ins }] },
};

export const CAPABILITIES_RESPONSE: DriverResponseBodies['capabilities'] = {
  protocolVersion: '1',
  client: { name: 'Logiciel exemple', version: '2.3.1', vendor: 'Éditeur exemple' },
  capabilities: ALL_CAPABILITIES,
  parallel: true,
};
