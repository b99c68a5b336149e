// Finding a recipient in the Annuaire Santé while composing (SC.MSS/CONF.20): FHIR searches
// with the `ESANTE-API-KEY` header; a mailbox is a `telecom` whose `as-ext-mailbox-mss-metadata`
// extension gives its type (REG-ANN-03). A postal code searches organisations by
// address; a pharmacy is an organisation of sector SA33 whose ORG mailbox is kept.
import { addressKey } from '../domain/address-key.ts';
import type { FindRecipientRequest, FoundRecipient } from './client-driver.ts';
import type { FaultSet } from './reference-fault.ts';

const METADATA_URL = 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata';
const MAILBOX_TYPES = ['PER', 'ORG', 'APP', 'CAB'] as const;
type MailboxType = (typeof MAILBOX_TYPES)[number];

interface Extension {
  readonly url: string;
  readonly extension?: readonly Extension[];
  readonly valueCodeableConcept?: { readonly coding?: readonly { readonly code?: string }[] };
}
interface FhirResource {
  readonly resourceType: string;
  readonly id?: string;
  readonly name?: string | readonly { readonly text?: string; readonly family?: string; readonly given?: readonly string[]; readonly prefix?: readonly string[] }[];
  readonly telecom?: readonly { readonly system?: string; readonly value?: string; readonly extension?: readonly Extension[] }[];
}

export class DirectorySearchError extends Error {
  readonly code = 'MSS_SIM_DRIVER_DIRECTORY_FAILED';
  constructor(readonly status: number, readonly url: string) {
    super(`L'Annuaire Santé a répondu ${status} à ${url}.`);
    this.name = 'DirectorySearchError';
  }
}

export interface DirectorySettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Extra request headers, e.g. the simulator's access token when it listens beyond loopback. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The searches a user's free text becomes, by kind of recipient wanted. */
export function plannedSearches(request: FindRecipientRequest, faults?: FaultSet): { resource: string; parameters: Record<string, string> }[] {
  const query = request.query.trim();
  const postal = /^\d{5}$/.test(query) && !faults?.has('directory-postal-code-ignored');
  const organisation: Record<string, string> = postal ? { 'address-postalcode': query } : { name: query };
  if (request.kind === 'pharmacy') return [{ resource: 'Organization', parameters: { ...organisation, type: 'SA33' } }];
  if (request.kind === 'organisation' || postal) return [{ resource: 'Organization', parameters: organisation }];
  const practitioner = [{ resource: 'Practitioner', parameters: { name: query } }];
  if (request.kind === 'practitioner') return practitioner;
  return [...practitioner, { resource: 'Organization', parameters: { name: query } }];
}

export async function findRecipients(settings: DirectorySettings, request: FindRecipientRequest, faults?: FaultSet): Promise<FoundRecipient[]> {
  const found = new Map<string, FoundRecipient>();
  for (const search of plannedSearches(request, faults)) {
    for (const resource of await searchResources(settings, search.resource, search.parameters)) {
      // A nominative mailbox may be carried by the practitioner's roles (REG-ANN-04).
      const roles = resource.resourceType === 'Practitioner' && resource.id && !faults?.has('directory-ignores-practitioner-role') ? await searchResources(settings, 'PractitionerRole', { practitioner: resource.id }) : [];
      const name = displayNameOf(resource);
      for (const recipient of [resource, ...roles].flatMap((r) => mailboxesOf(r, name))) if (!found.has(recipient.address)) found.set(recipient.address, recipient);
    }
  }
  const all = [...found.values()];
  const proposed = request.kind === 'pharmacy' ? all.filter((r) => r.mailboxType === 'ORG') : all;
  return faults?.has('directory-first-result-only') ? proposed.slice(0, 1) : proposed;
}

async function searchResources(settings: DirectorySettings, resource: string, parameters: Record<string, string>): Promise<FhirResource[]> {
  const url = `${settings.baseUrl.replace(/\/$/, '')}/${resource}?${new URLSearchParams({ ...parameters, _count: '50' })}`;
  const response = await fetch(url, { headers: { ...settings.headers, 'ESANTE-API-KEY': settings.apiKey, accept: 'application/fhir+json' } });
  if (response.status === 400) return []; // unsupported search parameter: no result from this search
  if (response.status !== 200) throw new DirectorySearchError(response.status, url);
  const bundle = (await response.json()) as { entry?: { resource?: FhirResource }[] };
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource && entry.resource.resourceType === resource ? [entry.resource] : []));
}

export function mailboxesOf(resource: FhirResource, carrierName?: string): FoundRecipient[] {
  const displayName = displayNameOf(resource) || carrierName || '';
  return (resource.telecom ?? []).flatMap((telecom) => {
    const type = mailboxTypeOf(telecom.extension ?? []);
    if (telecom.system !== 'email' || !telecom.value || !type) return [];
    return [{ displayName, address: addressKey(telecom.value), mailboxType: type }];
  });
}

function mailboxTypeOf(extensions: readonly Extension[]): MailboxType | undefined {
  const metadata = extensions.find((e) => e.url === METADATA_URL);
  const code = metadata?.extension?.find((e) => e.url === 'type')?.valueCodeableConcept?.coding?.[0]?.code;
  return MAILBOX_TYPES.find((t) => t === code);
}

function displayNameOf(resource: FhirResource): string {
  if (typeof resource.name === 'string') return resource.name;
  const name = resource.name?.[0];
  if (!name) return '';
  return name.text ?? [...(name.prefix ?? []), ...(name.given ?? []), name.family ?? ''].filter((p) => p !== '').join(' ');
}
