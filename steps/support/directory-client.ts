// A minimal Annuaire Santé client for @simulateur scenarios: FHIR searches with the API key,
// and the MSSanté mailboxes (telecom, system email) of the resources found.
import { addressKey } from '../../simulator/public-api.ts';
import { DEFAULT_DIRECTORY_API_KEY } from '../../simulator/public-api.ts';
import type { TrustSpace } from '../../simulator/public-api.ts';

export interface FhirResource {
  readonly resourceType: string;
  readonly telecom?: readonly { readonly system?: string; readonly value?: string }[];
}

export async function searchDirectory(space: TrustSpace, resource: string, parameters: Record<string, string>): Promise<FhirResource[]> {
  const url = `${space.endpoints.http.baseUrl}/fhir/v2/${resource}?${new URLSearchParams(parameters)}`;
  const response = await fetch(url, { headers: { 'ESANTE-API-KEY': DEFAULT_DIRECTORY_API_KEY } });
  if (response.status !== 200) throw new Error(`L'Annuaire a répondu ${response.status} à ${url} : ${await response.text()}`);
  const bundle = (await response.json()) as { entry?: { resource: FhirResource }[] };
  return (bundle.entry ?? []).map((entry) => entry.resource);
}

export function publishedMailboxes(resources: readonly FhirResource[]): string[] {
  return [...new Set(resources.flatMap((r) => (r.telecom ?? []).filter((t) => t.system === 'email' && t.value).map((t) => addressKey(t.value!))))].sort();
}
