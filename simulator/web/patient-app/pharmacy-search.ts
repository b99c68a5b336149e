// « Rechercher une pharmacie » in the app: a name or a postal code searched in the simulated
// Annuaire Santé over its FHIR API (REG-ANN-09, REG-ANN-10), keeping only pharmacies'
// organisational mailboxes (REG-MES-03 b), each marked when the patient frequents it. Writing to
// one she does not frequent is still refused by Mon espace santé, with its reason. The postal code
// and town tell homonym pharmacies apart.
import { frequentedPharmacyMailboxes } from '../../domain/patient-write-permission.ts';
import type { Patient } from '../../domain/model.ts';
import { findRecipients } from '../../reference-client/directory-search.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { mailboxPlace, ownDirectorySettings } from '../own-directory.ts';
import type { FoundPharmacy } from './patient-app-types.ts';

export async function searchPharmacies(space: RunningTrustSpace, patient: Patient | undefined, query: string): Promise<FoundPharmacy[]> {
  const frequented = new Set(patient ? frequentedPharmacyMailboxes(patient, space.view()).map((m) => m.address.toLowerCase()) : []);
  const found = await findRecipients(ownDirectorySettings(space), { query, kind: 'pharmacy' });
  const view = space.view();
  return found.map((recipient) => {
    const place = mailboxPlace(view, view.mailbox(recipient.address));
    return { address: recipient.address, name: recipient.displayName, frequented: frequented.has(recipient.address.toLowerCase()), ...(place ? { postalCode: place.postalCode, city: place.city } : {}) };
  });
}
