// What the client under test is told about the trust space of this worker (configure):
// the operator's submission (STARTTLS) and IMAP (STARTTLS, SC.MSS/CONF.06) endpoints, or only
// the autoconfig document (SC.MSS/CONF.04); the Annuaire Santé and its key, the test CA, and the
// user's mailbox: its password, the Pro Santé Connect test identity of the professional
// (XOAUTH2, SC.MSS/CONF.07: the client obtains its own tokens) and, for an APP mailbox, its
// client certificate and the PER or ORG mailbox its messages name for replies (SC.MSS/CONF.12,
// MSS/va1.09). The client uses what it supports.
import { mailboxHolderOf } from '../../../simulator/public-api.ts';
import { PSC_ENDPOINTS, PSC_REALM_PATH, PSC_TEST_PASSWORD, sameAddress } from '../../../simulator/public-api.ts';
import { DEFAULT_DIRECTORY_API_KEY } from '../../../simulator/public-api.ts';
import type { ClientCertificateMaterial, PscIdentity, TrustSpace } from '../../../simulator/public-api.ts';
import type { DriverConfiguration, MailboxHolder } from '../../../simulator/public-api.ts';

/** `client_id` the client under test presents to the simulated Pro Santé Connect (public client). */
export const TESTED_CLIENT_ID = 'logiciel-teste';

export interface ConfigurationChoice {
  /** SC.MSS/CONF.04: no servers, only the autoconfig document. */
  readonly autoconfig?: boolean;
  /** SC.MSS/CONF.12: the APP mailbox's certificate (client-certificates.ts). */
  readonly clientCertificate?: ClientCertificateMaterial;
}

export function driverConfiguration(space: TrustSpace, user: { readonly address: string; readonly password: string }, choice: ConfigurationChoice = {}): DriverConfiguration {
  const { submission, imap, http } = space.endpoints;
  const servers: Pick<DriverConfiguration, 'smtp' | 'imap' | 'autoconfig'> = choice.autoconfig
    ? { autoconfig: { url: `${http.baseUrl}/.well-known/autoconfig/mail/config-v1.1.xml` } }
    : { smtp: { host: submission.host, port: submission.port, security: 'starttls' }, imap: { host: imap.host, port: imap.port, security: 'starttls' } };
  return {
    ...servers,
    directory: { baseUrl: `${http.baseUrl}/fhir/v2`, apiKey: DEFAULT_DIRECTORY_API_KEY },
    caCertificatePem: space.caCertPem,
    mailbox: mailboxSettings(space, user, choice),
  };
}

function mailboxSettings(space: TrustSpace, user: { readonly address: string; readonly password: string }, choice: ConfigurationChoice): DriverConfiguration['mailbox'] {
  const view = space.view();
  const mailbox = view.mailbox(user.address);
  if (mailbox?.type === 'APP') {
    const replyTo = answeringMailbox(space, user.address);
    return { address: user.address, authentication: 'password', password: user.password, ...(choice.clientCertificate ? { clientCertificate: choice.clientCertificate } : {}), ...(replyTo ? { replyTo } : {}), ...holderPart(space, user.address) };
  }
  const tokenEndpoint = `${space.endpoints.http.baseUrl}${PSC_REALM_PATH}${PSC_ENDPOINTS.token}`;
  const psc = pscIdentity(space, user.address);
  return { address: user.address, authentication: 'oauth2', password: user.password, tokenEndpoint, ...(psc ? { psc } : {}), ...holderPart(space, user.address) };
}

/** The test professional who uses the mailbox: his idNat, or the persona's id for a person without one. */
export function pscIdentity(space: TrustSpace, address: string): PscIdentity | undefined {
  const persona = space.view().data.personas.find((p) => p.kind === 'professional' && sameAddress(p.mailbox, address));
  if (!persona || persona.kind !== 'professional') return undefined;
  const issuer = `${space.endpoints.http.baseUrl}${PSC_REALM_PATH}`;
  return { login: persona.idNat ?? persona.id, password: PSC_TEST_PASSWORD, clientId: TESTED_CLIENT_ID, discoveryUrl: `${issuer}${PSC_ENDPOINTS.discovery}`, tokenEndpoint: `${issuer}${PSC_ENDPOINTS.token}` };
}

/** MSS/va1.09: an ORG mailbox of the organisation that owns the APP mailbox. */
export function answeringMailbox(space: TrustSpace, address: string): string | undefined {
  const view = space.view();
  const owner = view.mailbox(address)?.owner;
  if (owner?.kind !== 'organisation') return undefined;
  return view.mailboxesOfOrganisation(owner.organisationId).find((m) => m.type === 'ORG')?.address;
}

/** Who holds a mailbox of the fixtures (MSS/va1.16): the practitioner and the service, or the entity's published name. */
export function mailboxHolder(space: TrustSpace, address: string): MailboxHolder | undefined {
  return mailboxHolderOf(space.view(), address);
}

function holderPart(space: TrustSpace, address: string): { holder?: MailboxHolder } {
  const holder = mailboxHolder(space, address);
  return holder ? { holder } : {};
}
