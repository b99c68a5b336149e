// What the client under test is told about the trust space of this worker (configure):
// the operator's submission (STARTTLS) and IMAP (STARTTLS, SC.MSS/CONF.06) endpoints, the
// Annuaire Santé and its key, the test CA, and the user's mailbox with both its password and the
// Pro Santé Connect token endpoint (XOAUTH2, SC.MSS/CONF.07): the client uses what it supports.
import { PSC_ENDPOINTS, PSC_REALM_PATH } from '../../../simulator/public-api.ts';
import { DEFAULT_DIRECTORY_API_KEY } from '../../../simulator/public-api.ts';
import type { TrustSpace } from '../../../simulator/public-api.ts';
import type { DriverConfiguration, MailboxHolder } from '../../../simulator/public-api.ts';

export function driverConfiguration(space: TrustSpace, user: { readonly address: string; readonly password: string }): DriverConfiguration {
  const { submission, imap, http } = space.endpoints;
  return {
    smtp: { host: submission.host, port: submission.port, security: 'starttls' },
    imap: { host: imap.host, port: imap.port, security: 'starttls' },
    directory: { baseUrl: `${http.baseUrl}/fhir/v2`, apiKey: DEFAULT_DIRECTORY_API_KEY },
    caCertificatePem: space.caCertPem,
    mailbox: {
      address: user.address,
      authentication: 'oauth2',
      password: user.password,
      tokenEndpoint: `${http.baseUrl}${PSC_REALM_PATH}${PSC_ENDPOINTS.token}`,
      ...holderPart(space, user.address),
    },
  };
}

/** Who holds a mailbox of the fixtures (MSS/va1.16): the practitioner and the service, or the entity's published name. */
export function mailboxHolder(space: TrustSpace, address: string): MailboxHolder | undefined {
  const view = space.view();
  const mailbox = view.mailbox(address);
  if (!mailbox) return undefined;
  if (mailbox.owner.kind === 'organisation') return { mailboxType: mailbox.type, entity: mailbox.displayName };
  const person = view.practitioner(mailbox.owner.idNat);
  if (!person) return undefined;
  return { mailboxType: mailbox.type, title: person.civility, firstName: person.firstName, lastName: person.lastName, ...(mailbox.service ? { entity: mailbox.service } : {}) };
}

function holderPart(space: TrustSpace, address: string): { holder?: MailboxHolder } {
  const holder = mailboxHolder(space, address);
  return holder ? { holder } : {};
}
