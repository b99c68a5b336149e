// What a demonstration step works with: the running trust space, the reference client
// configured for a fixture mailbox against the trust space's real ports (as a trainer's
// laptop would be), and notes handed from one step to the next.
import { patientAddressOf } from '../domain/patient-address.ts';
import { PSC_ENDPOINTS, PSC_REALM_PATH } from '../services/auth/psc/psc-constants.ts';
import { DEFAULT_DIRECTORY_API_KEY } from '../services/directory/create-directory-service.ts';
import { addressKey } from '../domain/address-key.ts';
import type { StoredMessage } from '../services/store/stored-message.ts';
import type { RunningTrustSpace } from '../trust-space/trust-space.ts';
import type { ActionResult, ClientDriver, DriverConfiguration, PatientIdentity } from '../reference-client/client-driver.ts';
import { createReferenceDriver } from '../reference-client/reference-driver.ts';
import { DemonstrationStepError } from './demonstration.ts';

export type DriverFactory = () => ClientDriver;

export class DemonstrationContext {
  readonly notes = new Map<string, string>();
  readonly #clients = new Map<string, ClientDriver>();

  constructor(
    readonly space: RunningTrustSpace,
    private readonly createDriver: DriverFactory = () => createReferenceDriver(),
  ) {}

  /** The reference client of a fixture mailbox, configured on first use. */
  async client(address: string): Promise<ClientDriver> {
    const existing = this.#clients.get(address);
    if (existing) return existing;
    const driver = this.createDriver();
    await driver.configure(clientConfiguration(this.space, address));
    this.#clients.set(address, driver);
    return driver;
  }

  /** The identity a professional's software holds for a fixture patient (MSS/va1.19). */
  patient(ins: string): PatientIdentity {
    const patient = this.space.view().patient(ins);
    if (!patient) throw new DemonstrationStepError(`Le patient de matricule INS ${ins} n'existe pas dans cet espace de confiance : la démonstration suppose le jeu de données par défaut.`);
    return { ins: patient.ins, oid: patient.oid, ...patient.identity };
  }

  /** The copy `mailbox` holds of the message `messageId`, once the trust space settled. */
  async delivered(messageId: string | undefined, mailbox: string): Promise<StoredMessage | undefined> {
    await this.space.settled();
    if (!messageId) return undefined;
    return this.space.store.byMessageId(messageId).find((m) => m.mailbox === addressKey(mailbox) && m.folder === 'INBOX');
  }

  /** The report (bounce or receipt) the trust space sent `sender` about `messageId`, once settled. */
  async reportAbout(sender: string, messageId: string | undefined): Promise<StoredMessage | undefined> {
    await this.space.settled();
    if (!messageId) return undefined;
    return this.space.store.list(sender).find((m) => m.kind !== 'message' && m.index.inReplyTo === messageId);
  }

  async dispose(): Promise<void> {
    const clients = [...this.#clients.values()];
    this.#clients.clear();
    await Promise.allSettled(clients.map((client) => client.reset()));
  }
}

/** The key the store files a patient's mailbox under. */
export function patientMailboxKey(ins: string): string {
  return addressKey(patientAddressOf(ins));
}

/** The Message-ID of a sent message, or a step error with what the client showed. */
export function sentMessageId(result: ActionResult, what: string): string {
  if (result.status === 'sent' && result.messageId) return result.messageId;
  const shown = result.status === 'refused' ? result.reason : result.status === 'failed' ? result.shownToUser : 'aucun identifiant de message';
  throw new DemonstrationStepError(`${what} n'est pas parti : ${shown}`);
}

/** A wildcard listener is reached on loopback; the test certificates name 127.0.0.1 and ::1. */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

/** The HTTP port's base URL as a client on this machine reaches it (a wildcard listener through loopback). */
export function reachableBaseUrl(space: RunningTrustSpace): string {
  const { http } = space.endpoints;
  return http.baseUrl.replace(`//${http.host}:`, `//${reachableHost(http.host)}:`).replace('//[::]:', '//[::1]:');
}

export function clientConfiguration(space: RunningTrustSpace, address: string): DriverConfiguration {
  const mailbox = space.view().mailbox(address);
  if (!mailbox) throw new DemonstrationStepError(`La boîte ${address} n'existe pas dans cet espace de confiance : la démonstration suppose le jeu de données par défaut.`);
  const { submission, imaps } = space.endpoints;
  const baseUrl = reachableBaseUrl(space);
  return {
    smtp: { host: reachableHost(submission.host), port: submission.port, security: 'starttls' },
    imap: { host: reachableHost(imaps.host), port: imaps.port, security: 'tls' },
    directory: { baseUrl: `${baseUrl}/fhir/v2`, apiKey: DEFAULT_DIRECTORY_API_KEY },
    caCertificatePem: space.caCertPem,
    mailbox: space.settings.passwordAuth
      ? { address: mailbox.address, authentication: 'password', password: mailbox.password }
      : { address: mailbox.address, authentication: 'oauth2', tokenEndpoint: `${baseUrl}${PSC_REALM_PATH}${PSC_ENDPOINTS.token}` },
  };
}
