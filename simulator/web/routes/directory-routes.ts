// Steering the trust space's publications (REG-ANN-06, REG-LB-03): add or remove a mailbox, put a domain in
// or out of the liste blanche — routing, the Annuaire Santé, the extraction file and the liste
// blanche all follow, since each is derived from the same view — and switch the faults of the
// simulated Annuaire Santé FHIR API. The trust space applies changes (`change`, pure rules in
// simulator/services/directory/trust-space-change.ts) and holds the faults, reset by POST /api/reset.
import { domainKey } from '../../domain/address-key.ts';
import type { DirectoryFaultMode, DirectoryFaults } from '../../services/directory/directory-faults.ts';
import type { TrustSpaceChange } from '../../services/directory/trust-space-change.ts';
import { TrustSpaceChangeError } from '../../services/directory/trust-space-change-error.ts';
import type { Mailbox } from '../../domain/model.ts';
import { ApiError } from '../api-error.ts';
import { json, noContent } from '../http-response.ts';
import type { Route } from '../route.ts';
import { pathParam, type ControlApiDeps } from './control-api-deps.ts';

/** What these routes need of the trust space (simulator/trust-space/trust-space.ts). */
export interface DirectoryControl {
  change(change: TrustSpaceChange): void;
  readonly directoryFaults: DirectoryFaults;
}

/** HTTP status of each refused change: the fact is in the error's French message. */
const CHANGE_STATUS: Readonly<Record<TrustSpaceChangeError['code'], number>> = {
  MSS_SIM_CHANGE_INVALID_MAILBOX: 400,
  MSS_SIM_CHANGE_DUPLICATE_ADDRESS: 409,
  MSS_SIM_CHANGE_UNKNOWN_MAILBOX: 404,
  MSS_SIM_CHANGE_UNKNOWN_DOMAIN: 404,
};

export function directoryRoutes(deps: ControlApiDeps): Route[] {
  const control = (): DirectoryControl => deps.space;
  const faults = () => control().directoryFaults.snapshot();
  return [
    {
      method: 'POST',
      path: '/api/trust-space/mailboxes',
      handler: (context) => {
        const mailbox = deps.validator.parseBody<Mailbox>(context, 'trust-space-mailbox');
        change(control(), { kind: 'add-mailbox', mailbox });
        return json({ ...mailbox, service: mailbox.service ?? null }, 201, { Location: `/api/trust-space/mailboxes/${encodeURIComponent(mailbox.address)}` });
      },
    },
    {
      method: 'DELETE',
      path: '/api/trust-space/mailboxes/{address}',
      handler: (context) => {
        change(control(), { kind: 'remove-mailbox', address: pathParam(context, 'address') });
        return noContent();
      },
    },
    {
      method: 'PUT',
      path: '/api/trust-space/domains/{domain}/whitelisted',
      handler: (context) => {
        const domain = domainKey(pathParam(context, 'domain'));
        const { whitelisted } = deps.validator.parseBody<{ whitelisted: boolean }>(context, 'domain-whitelisted');
        change(control(), { kind: 'set-domain-whitelisted', domain, whitelisted });
        return json({ domain, whitelisted });
      },
    },
    { method: 'GET', path: '/api/directory/faults', handler: () => json(faults()) },
    {
      method: 'PUT',
      path: '/api/directory/faults',
      handler: (context) => {
        const body = deps.validator.parseBody<{ mode: DirectoryFaultMode; delayMs?: number }>(context, 'directory-faults');
        control().directoryFaults.set(body.mode, body.delayMs);
        return json(faults());
      },
    },
  ];
}

function change(control: DirectoryControl, request: TrustSpaceChange): void {
  try {
    control.change(request);
  } catch (error) {
    if (!(error instanceof TrustSpaceChangeError)) throw error;
    const details = error.problems.length > 0 ? { problems: error.problems.map((p) => ({ path: p.path, message: p.message, fix: p.fix })) } : {};
    throw new ApiError(CHANGE_STATUS[error.code], error.code, error.message, details);
  }
}
