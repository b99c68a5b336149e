// The simulated Pro Santé Connect login a person types in a real mail client for a mailbox
// (SC.MSS/CONF.07): the discovery URL, the client id, the test professional entitled to the
// mailbox (its owner, or one who works in the owning organisation) and the test password.
import { PSC_DEFAULT_CLIENT_ID, PSC_ENDPOINTS, PSC_REALM_PATH, PSC_TEST_PASSWORD } from '../../../simulator/public-api.ts';
import type { TrustSpace } from '../../../simulator/public-api.ts';
import type { PscLogin } from './configure-instruction.ts';

export function pscLogin(space: TrustSpace, address: string): PscLogin {
  const view = space.view();
  const mailbox = view.mailbox(address);
  const owner = mailbox?.owner;
  const practitioner = owner?.kind === 'practitioner' ? view.practitioner(owner.idNat) : owner?.kind === 'organisation' ? view.data.practitioners.find((p) => p.idNat !== undefined && p.organisationIds.includes(owner.organisationId)) : undefined;
  const idNat = practitioner?.idNat;
  return {
    discoveryUrl: `${space.endpoints.http.baseUrl}${PSC_REALM_PATH}${PSC_ENDPOINTS.discovery}`,
    clientId: PSC_DEFAULT_CLIENT_ID,
    ...(practitioner && idNat ? { login: { idNat, name: `${practitioner.civility} ${practitioner.firstName} ${practitioner.lastName}` } } : {}),
    password: PSC_TEST_PASSWORD,
  };
}
