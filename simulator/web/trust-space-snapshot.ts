// GET /api/trust-space: the current trust space as trainers, vendors and the web UI need it.
// Mailbox passwords are included on purpose: they are synthetic demo credentials, published in
// the README (model.ts, Mailbox.password).
import { patientAddressOf } from '../domain/patient-address.ts';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';
import type { TrustSpaceSettings } from '../trust-space/trust-space.ts';

export function settingsSnapshot(settings: TrustSpaceSettings) {
  return { strictRecipients: settings.strictRecipients, passwordAuth: settings.passwordAuth, maxMessageBytes: settings.maxMessageBytes };
}

export function trustSpaceSnapshot(view: TrustSpaceView, settings: TrustSpaceSettings) {
  const { data } = view;
  return {
    operators: data.operators,
    whitelist: view.whitelist,
    organisations: data.organisations,
    practitioners: data.practitioners,
    mailboxes: data.mailboxes.map((mailbox) => ({
      address: mailbox.address,
      type: mailbox.type,
      owner: mailbox.owner,
      displayName: mailbox.displayName,
      description: mailbox.description,
      service: mailbox.service ?? null,
      redListed: mailbox.redListed,
      password: mailbox.password,
    })),
    patients: data.patients.map((patient) => ({
      ins: patient.ins,
      address: patientAddressOf(patient.ins),
      oid: patient.oid,
      identity: patient.identity,
      profile: patient.profile,
      frequentedPharmacies: patient.frequentedPharmacyIds.map((id) => ({
        id,
        name: view.organisation(id)?.name ?? null,
        organisationalMailboxes: view.mailboxesOfOrganisation(id).filter((m) => m.type === 'ORG').map((m) => m.address),
      })),
    })),
    personas: data.personas,
    settings: settingsSnapshot(settings),
  };
}
