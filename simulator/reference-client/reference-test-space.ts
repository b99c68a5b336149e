// Test support for the reference driver's tests: one trust space on loopback ports 0 with a
// temporary data folder (one per process), and the driver configuration of a fixture mailbox.
import { processTempDir } from '../cli/process-temp-dir.ts';
import { PSC_ENDPOINTS, PSC_REALM_PATH } from '../services/auth/psc/psc-constants.ts';
import { DEFAULT_DIRECTORY_API_KEY } from '../services/directory/create-directory-service.ts';
import { startTrustSpace } from '../trust-space/start-trust-space.ts';
import type { TrustSpace } from '../trust-space/trust-space.ts';
import type { DriverConfiguration, PatientIdentity } from './client-driver.ts';

export const PHARMACY = 'pharmacie.duparc@pharmacien.mssante.fr';
export const PHARMACY_PASSWORD = 'test-pharmacie-du-parc';

export function startTestSpace(): Promise<TrustSpace> {
  return startTrustSpace({ host: '127.0.0.1', submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: 0, dataDir: processTempDir('mss-reference-driver-') });
}

export function configurationFor(space: TrustSpace, mailbox: DriverConfiguration['mailbox'], imap: 'tls' | 'starttls' = 'tls'): DriverConfiguration {
  const { submission, imap: imapStarttls, imaps, http } = space.endpoints;
  const imapEndpoint = imap === 'tls' ? imaps : imapStarttls;
  return {
    smtp: { host: submission.host, port: submission.port, security: 'starttls' },
    imap: { host: imapEndpoint.host, port: imapEndpoint.port, security: imap },
    directory: { baseUrl: `${http.baseUrl}/fhir/v2`, apiKey: DEFAULT_DIRECTORY_API_KEY },
    caCertificatePem: space.caCertPem,
    mailbox,
  };
}

export function oauth2Mailbox(space: TrustSpace, address = PHARMACY): DriverConfiguration['mailbox'] {
  return { address, authentication: 'oauth2', tokenEndpoint: `${space.endpoints.http.baseUrl}${PSC_REALM_PATH}${PSC_ENDPOINTS.token}` };
}

export const LOUISE: PatientIdentity = { ins: '284034912304586', oid: '1.2.250.1.213.1.4.10', birthName: 'MARCHAND', firstName: 'Louise', birthDate: '1984-03-12', sex: 'F', qualified: true };
export const GERARD_OPPOSED: PatientIdentity = { ins: '152114908701235', oid: '1.2.250.1.213.1.4.10', birthName: 'LAMBERT', firstName: 'Gérard', birthDate: '1952-11-04', sex: 'M', qualified: true };
export const INES_UNQUALIFIED: PatientIdentity = { ins: '295019935002112', oid: '1.2.250.1.213.1.4.10', birthName: 'HADDAD', firstName: 'Inès', birthDate: '1995-01-17', sex: 'F', qualified: false };
export const PAUL_ANTOINE_CORSICA: PatientIdentity = { ins: '178042A00411701', oid: '1.2.250.1.213.1.4.10', birthName: 'SANTONI', firstName: 'Paul-Antoine', birthDate: '1978-04-08', sex: 'M', qualified: true };
