// A small, fixed trust space for the SMTP tests: a fake TrustSpaceView and a fake planRecipient
// (the real ones belong to simulator/domain and are tested there). Synthetic data only.
import { withInsKey } from '../../../domain/ins-number.ts';
import type { Mailbox, Practitioner, TrustSpaceData } from '../../../domain/model.ts';
import { domainOf } from '../../../domain/mss-address.ts';
import { rppsIdNat } from '../../../domain/national-ids.ts';
import { postmasterPlan, type RecipientPlan } from '../../../domain/recipient-plan.ts';
import type { TrustSpaceView } from '../../../domain/trust-space-view.ts';

export const CAMILLE = 'camille.morel@pharmacie-des-tilleuls.operateur-a.test';
export const CAMILLE_PASSWORD = 'mot-de-passe-de-test-camille';
export const DR_MARTIN = 'jean.martin@chu-exemple.operateur-b.test';
/** idNat of Dr Martin (owner of DR_MARTIN, works at the hospital) and of Camille (works at the pharmacy of CAMILLE). */
export const MARTIN_IDNAT = rppsIdNat('1000000002');
export const CAMILLE_IDNAT = rppsIdNat('1000000001');
/** Applicative mailbox of the hospital (SC.MSS/CONF.12). */
export const APP_MAILBOX = 'dpi@chu-exemple.operateur-b.test';
export const APP_PASSWORD = 'mot-de-passe-de-test-dpi';
export const UNKNOWN_ON_SIMULATED = 'personne@chu-exemple.operateur-b.test';
export const OUTSIDE = 'quelqu.un@messagerie-ordinaire.example';
/** Simulated domain absent from the liste blanche. */
export const NOT_WHITELISTED = 'boite@hors-liste.operateur-c.test';

const patient = (body13: string) => `${withInsKey(body13)}@patient.mssante.fr`;
export const PATIENTS = {
  active: patient('2850275123456'),
  opposed: patient('1790113055012'),
  closed: patient('2920575056078'),
  noProfile: patient('1660199123001'),
  invalid: '28502751234560@patient.mssante.fr',
} as const;

const SIMULATED = new Set(['pharmacie-des-tilleuls.operateur-a.test', 'chu-exemple.operateur-b.test', 'hors-liste.operateur-c.test', 'patient.mssante.fr']);
const WHITELISTED = new Set(['pharmacie-des-tilleuls.operateur-a.test', 'chu-exemple.operateur-b.test', 'patient.mssante.fr']);

function mailbox(address: string, password: string, type: Mailbox['type'], owner: Mailbox['owner']): Mailbox {
  return { address, type, owner, displayName: address, description: '', redListed: false, password };
}

const MAILBOXES = new Map(
  [
    mailbox(CAMILLE, CAMILLE_PASSWORD, 'ORG', { kind: 'organisation', organisationId: 'org-1' }),
    mailbox(DR_MARTIN, 'autre', 'PER', { kind: 'practitioner', idNat: MARTIN_IDNAT }),
    mailbox(APP_MAILBOX, APP_PASSWORD, 'APP', { kind: 'organisation', organisationId: 'org-2' }),
  ].map((m) => [m.address.toLowerCase(), m]),
);

const practitioner = (idNat: string, firstName: string, lastName: string, organisationId: string): Practitioner => ({
  idNat,
  civility: 'Dr',
  firstName,
  lastName,
  professionCode: '10',
  professionLabel: 'Médecin',
  organisationIds: [organisationId],
});
const PRACTITIONERS = [practitioner(MARTIN_IDNAT, 'Jean', 'Martin', 'org-2'), practitioner(CAMILLE_IDNAT, 'Camille', 'Morel', 'org-1')];

const DATA: TrustSpaceData = { operators: [], practitioners: PRACTITIONERS, organisations: [], mailboxes: [...MAILBOXES.values()], patients: [], personas: [] };

export function fakeView(): TrustSpaceView {
  return {
    data: DATA,
    whitelist: [],
    isWhitelisted: (domain) => WHITELISTED.has(domain.toLowerCase()),
    isSimulatedDomain: (domain) => SIMULATED.has(domain.toLowerCase()),
    mailbox: (address) => MAILBOXES.get(address.toLowerCase()),
    patient: () => undefined,
    practitioner: (idNat) => PRACTITIONERS.find((p) => p.idNat === idNat),
    organisation: () => undefined,
    mailboxesOfOrganisation: () => [],
    mailboxesOfPractitioner: () => [],
  };
}

const PATIENT_PLANS: ReadonlyMap<string, RecipientPlan> = new Map<string, RecipientPlan>([
  [PATIENTS.opposed, { kind: 'bounce', reason: 'patient-opposed' }],
  [PATIENTS.closed, { kind: 'bounce', reason: 'patient-closed' }],
  [PATIENTS.noProfile, { kind: 'bounce', reason: 'patient-no-profile' }],
  [PATIENTS.invalid, { kind: 'bounce', reason: 'patient-invalid-address' }],
]);

/** planRecipient over the fake view: enough to exercise every branch of the RCPT policy. */
export function fakePlanRecipient(address: string, view: TrustSpaceView): RecipientPlan {
  const postmaster = postmasterPlan(address, view);
  if (postmaster) return postmaster;
  const domain = domainOf(address);
  if (!view.isWhitelisted(domain)) return { kind: 'outside-trust-space', domain };
  const patientPlan = PATIENT_PLANS.get(address);
  if (patientPlan) return patientPlan;
  if (domain === 'patient.mssante.fr') return { kind: 'auto-reply' };
  const found = view.mailbox(address);
  return found ? { kind: 'mailbox', mailbox: found } : { kind: 'bounce', reason: 'unknown-mailbox' };
}
