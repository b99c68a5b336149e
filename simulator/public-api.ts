// The simulator's one public entry for everything outside it: the harness (steps/) and the
// conformance CLI and scripts (scripts/). They start a trust space and use what its handle offers
// (endpoints, credentials, observations, control actions), the reference client, and the few
// shared rules, readers and wordings re-exported here; never the simulator's internals. A test
// (simulator/layering.test.ts) fails on any import that goes around this file.

// The trust space: start it, then its handle and its typed observations.
import { startTrustSpace as startRunningTrustSpace, type StartTrustSpaceOptions } from './trust-space/start-trust-space.ts';
import type { TrustSpace } from './trust-space/trust-space.ts';
export { DEFAULT_FIXTURES_DIR, type StartTrustSpaceOptions } from './trust-space/start-trust-space.ts';
export type { EndpointAddress, TokenControl, TrustSpace, TrustSpaceEndpoints, TrustSpaceSettings } from './trust-space/trust-space.ts';
export type { ServerTlsSetting } from './trust-space/server-tls-switch.ts';
export { SERVER_TLS_PROFILES, type ServerTlsProfile } from './services/pki/server-tls-profile.ts';
export { TLS_PROTOCOL_OFFERS, type TlsProtocolOffer } from './protocols/smtp/tls-protocol-offer.ts';
export { CONF03_SUITES } from './protocols/smtp/tls-settings.ts';
export type { ClientHelloFacts, ClientHelloReading } from './observation/client-hello.ts';
export { cipherSuiteName, hex16 } from './observation/tls-names.ts';

/** Starts a trust space; outside the simulator, its handle is the public one (no internal services). */
export function startTrustSpace(options?: StartTrustSpaceOptions): Promise<TrustSpace> {
  return startRunningTrustSpace(options);
}
export type { TrustSpaceObservations } from './observation/create-observations.ts';
export type * from './observation/observation.ts';
export { describeAuth } from './observation/fact-wording.ts';
export type { Transmission } from './services/routing/transmission-log.ts';
export type { StoredMessage, Envelope, MessageKind } from './services/store/stored-message.ts';
export type { PatientActionResult } from './services/mon-espace-sante/mon-espace-sante.ts';
export { OperatorConsole, REPORT_PATH, type FinalVerdict, type OperatorPrompt } from './services/operator-console/operator-console.ts';
export { HARNESS_PRODUCT_NIL, submitAs, type OutgoingMail, type SubmissionResult } from './trust-space/testing/submit-as.ts';

// Domain rules a client (and so the harness) shares with the simulator.
export type { TrustSpaceView } from './domain/trust-space-view.ts';
export type { Persona } from './domain/model.ts';
export { BOUNCE_REASONS } from './domain/bounce-reasons.ts';
export { withInsKey } from './domain/ins-number.ts';
export { addressKey, domainKey, sameAddress } from './domain/address-key.ts';
export { displayNameProblem, senderDisplayName, type MailboxHolder } from './domain/sender-display-name.ts';
export { insOfPatientAddress, isPatientAddress, patientAddressOf } from './domain/patient-address.ts';

// Reading a message (the one reader), published constants of the simulated services.
export { extractAddresses, parseMessage, reportType, type ParsedMessage } from './protocols/mime/message-reader.ts';
export { DEFAULT_CLIENT_ID as PSC_DEFAULT_CLIENT_ID, PSC_ENDPOINTS, PSC_REALM_PATH, PSC_TEST_PASSWORD } from './services/auth/psc/psc-constants.ts';
export { DEFAULT_DIRECTORY_API_KEY } from './services/directory/create-directory-service.ts';

// The driver contract and the reference client (the simulated world's correct client, with its faulty variants).
export type {
  ActionResult,
  Attachment,
  Capability,
  ClientCertificateMaterial,
  ClientDriver,
  DriverCapabilities,
  DriverConfiguration,
  EndConversationRequest,
  FindRecipientRequest,
  FoundRecipient,
  ListedMessage,
  PatientIdentity,
  PscIdentity,
  SendRequest,
  SendDocumentRequest,
  HealthDocumentKind,
  ListedHealthDocuments,
  ShownFailure,
  WriteToPatientRequest,
} from './reference-client/client-driver.ts';
export { createReferenceDriver } from './reference-client/reference-driver.ts';
export { INES_UNQUALIFIED, LOUISE, configurationFor, oauth2Mailbox, startTestSpace } from './reference-client/reference-test-space.ts';

// The light part, whole: command entries, fault names, the reference client's capabilities, start
// defaults, the host-name check, the process tree, and the boundary validation and French wording
// shared by every command line (simulator/tooling-api.ts).
export * from './tooling-api.ts';

// The command lines: start options, the endpoints summary, the fixture check, the per-process folder.
export { parseStartOptions } from './cli/start-options.ts';
export { endpointsSummary } from './cli/endpoints-summary.ts';
export { checkFixtures } from './cli/check-fixtures.ts';
export { processTempDir } from './cli/process-temp-dir.ts';

// Health documents (SC.MSS/CONF.14, 15, 23–25): the synthetic generator and the document checks' report.
export { generateDocument } from './services/documents/generate-document.ts';
export { documentMessageParts, XDM_SUBJECT_PREFIX } from './services/documents/document-message.ts';
export { documentKind, type DocumentKindId } from './services/documents/document-kinds.ts';
export type { DocumentReport } from './services/documents/document-report.ts';
export type { DocumentFinding } from './services/documents/document-finding.ts';
export { insPatientId } from './domain/ins-oids.ts';
export { mailboxHolderOf } from './domain/mailbox-holder.ts';
export type { WebmailItem, WebmailMailbox, WebmailSendResult } from './web/webmail/webmail-types.ts';
