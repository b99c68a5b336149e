// The simulator's one public entry for everything outside it: the harness (steps/), the
// conformance CLI and scripts (scripts/), the benchmarks (bench/). They start a trust space and use
// what its handle offers (endpoints, credentials, observations, control actions), plus the few
// shared constants and readers re-exported here; never the simulator's internals. A test
// (simulator/layering.test.ts) fails on any import that goes around this file.
export { DEFAULT_FIXTURES_DIR, startTrustSpace, type StartTrustSpaceOptions } from './trust-space/start-trust-space.ts';
export type { EndpointAddress, TrustSpace, TrustSpaceEndpoints, TrustSpaceSettings } from './trust-space/trust-space.ts';
export type { TrustSpaceObservations } from './observation/create-observations.ts';
export type * from './observation/observation.ts';
export { describeAuth } from './observation/fact-wording.ts';
export type { Transmission } from './routing/transmission-log.ts';
export type { StoredMessage, Envelope, MessageKind } from './mail/stored-message.ts';
export type { PatientActionResult } from './mes/mon-espace-sante.ts';
export type { TrustSpaceView } from './domain/trust-space-view.ts';
export type { Persona } from './domain/model.ts';
export { BOUNCE_REASONS } from './domain/bounce-reasons.ts';
export { withInsKey } from './domain/ins-number.ts';
export { addressKey, domainKey, sameAddress } from './domain/address-key.ts';
export { insOfPatientAddress, isPatientAddress, patientAddressOf } from './domain/patient-address.ts';
export { parseMessage, type ParsedMessage } from './mail/parse-message.ts';
export { OperatorConsole, type OperatorPrompt } from './operator-console/operator-console.ts';
export { PSC_ENDPOINTS, PSC_REALM_PATH, PSC_TEST_PASSWORD } from './auth/psc/psc-constants.ts';
export { DEFAULT_DIRECTORY_API_KEY } from './directory/create-directory-service.ts';
export { START_DEFAULTS } from './cli/start-options.ts';
export { describeAjvErrors, type AjvProblem, type AjvProblemOptions } from './schemas/ajv-problems.ts';
export { quoted } from './schemas/quoted-value.ts';
export { submitAs } from './trust-space/testing/submit-as.ts';
