// Entry point of /mon-espace-sante: the simulated Mon espace santé app of the patient named by
// `?ins=` (any fixture patient, or any INS), else the list of the trust space's patients to
// choose from. Refreshed when the trust space changes (a professional's message arrives).
import { errorMessage, getJson } from './api.ts';
import { onTrustSpaceChange, pageParameter, startAppPage } from './app-shell.ts';
import { byId, el, replace } from './dom.ts';
import { PatientApp } from './patient/patient-app.ts';
import type { TrustSpaceSnapshot } from './types.ts';

async function main(): Promise<void> {
  await startAppPage();
  const root = byId('app-patient');
  const ins = pageParameter('ins');
  if (!ins) {
    await choosePatient(root);
    return;
  }
  const app = new PatientApp(root, ins);
  onTrustSpaceChange(() => app.refresh()); // before loading: no change between the two is missed
  await app.load();
}

/** The patients of the trust space, each a link to her app. */
export async function choosePatient(root: HTMLElement): Promise<void> {
  try {
    const space = await getJson<TrustSpaceSnapshot>('/api/trust-space');
    replace(root, el('main', { className: 'mes-screen' }, el('h1', { text: 'Mon espace santé (simulé) : choisir un patient' }),
      el('ul', { className: 'mes-patients' }, ...space.patients.map((p) => el('li', {}, el('a', { text: `${p.identity.firstName} ${p.identity.birthName}`, attrs: { href: `/mon-espace-sante?ins=${encodeURIComponent(p.ins)}` } }), ` · profil ${p.profile}`)))));
  } catch (error) {
    replace(root, el('p', { text: errorMessage(error) }));
  }
}

void main();
