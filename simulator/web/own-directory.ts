// How the web UI's clients (the Mon espace santé app, the webmail) reach the simulator's own
// Annuaire Santé: over its FHIR API like any client, with the action token off loopback; and how
// they show a pharmacy's place (postal code and town tell homonyms apart).
import { reachableBaseUrl } from '../demonstrations/demonstration-context.ts';
import type { Mailbox } from '../domain/model.ts';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';
import { DEFAULT_DIRECTORY_API_KEY } from '../services/directory/create-directory-service.ts';
import type { RunningTrustSpace } from '../trust-space/trust-space.ts';

export interface OwnDirectorySettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export function ownDirectorySettings(space: RunningTrustSpace): OwnDirectorySettings {
  const directory = { baseUrl: `${reachableBaseUrl(space)}/fhir/v2`, apiKey: DEFAULT_DIRECTORY_API_KEY };
  return { ...directory, ...(space.actionToken ? { headers: { authorization: `Bearer ${space.actionToken}` } } : {}) };
}

/** The organisation owning an organisational mailbox, with its postal code and town. */
export function mailboxPlace(view: TrustSpaceView, mailbox: Mailbox | undefined): { readonly name: string; readonly postalCode: string; readonly city: string } | undefined {
  const organisation = mailbox?.owner.kind === 'organisation' ? view.organisation(mailbox.owner.organisationId) : undefined;
  return organisation ? { name: organisation.name, postalCode: organisation.address.postalCode, city: organisation.address.city } : undefined;
}
