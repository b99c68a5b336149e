// The trust space: operators and their domains (whitelisted or not), mailboxes by type
// PER/ORG/APP/CAB with their owners, patients with their state and the pharmacies they frequented.
import { el, replace } from './dom.ts';
import { MAILBOX_TYPE_LABELS, PATIENT_STATE_LABELS } from './labels.ts';
import type { MailboxType, TrustSpaceSnapshot } from './types.ts';

const TYPES: readonly MailboxType[] = ['PER', 'ORG', 'APP', 'CAB'];

export function renderTrustSpace(container: HTMLElement, space: TrustSpaceSnapshot): void {
  replace(container, operators(space), mailboxes(space), patients(space));
}

function operators(space: TrustSpaceSnapshot): HTMLElement {
  const list = el('ul', { className: 'operators' });
  for (const operator of space.operators) {
    const domains = el('ul');
    for (const domain of operator.domains) {
      domains.appendChild(el('li', {}, el('code', { text: domain.name }), ' ', el('span', { className: `badge ${domain.whitelisted ? 'ok' : 'ko'}`, text: domain.whitelisted ? 'liste blanche' : 'hors liste blanche' })));
    }
    list.appendChild(el('li', {}, el('strong', { text: operator.name }), domains));
  }
  return el('section', { attrs: { 'aria-labelledby': 'ec-operateurs' } }, el('h3', { text: 'Opérateurs et domaines', attrs: { id: 'ec-operateurs' } }), list);
}

function ownerName(space: TrustSpaceSnapshot, owner: TrustSpaceSnapshot['mailboxes'][number]['owner']): string {
  if (owner.kind === 'organisation') return space.organisations.find((o) => o.id === owner.organisationId)?.name ?? owner.organisationId;
  const person = space.practitioners.find((p) => p.idNat === owner.idNat);
  return person ? `${person.civility} ${person.firstName} ${person.lastName} (${person.professionLabel})`.trim() : owner.idNat;
}

function mailboxes(space: TrustSpaceSnapshot): HTMLElement {
  const section = el('section', { attrs: { 'aria-labelledby': 'ec-bal' } }, el('h3', { text: 'Boîtes aux lettres', attrs: { id: 'ec-bal' } }));
  for (const type of TYPES) {
    const ofType = space.mailboxes.filter((m) => m.type === type);
    if (ofType.length === 0) continue;
    const rows = ofType.map((m) =>
      el('tr', {}, el('td', {}, el('code', { text: m.address })), el('td', { text: ownerName(space, m.owner) }), el('td', { text: m.service ? `${m.description} — ${m.service}` : m.description }), el('td', { text: m.redListed ? 'oui' : 'non' })),
    );
    section.appendChild(
      el('table', { className: 'mailboxes' }, el('caption', { text: MAILBOX_TYPE_LABELS[type] }), el('thead', {}, el('tr', {}, ...['Adresse', 'Titulaire', 'Description', 'Liste rouge'].map((t) => el('th', { text: t, attrs: { scope: 'col' } })))), el('tbody', {}, ...rows)),
    );
  }
  return section;
}

function patients(space: TrustSpaceSnapshot): HTMLElement {
  const rows = space.patients.map((p) =>
    el(
      'tr',
      { attrs: { 'data-ins': p.ins } },
      el('td', { text: `${p.identity.firstName} ${p.identity.birthName}` }),
      el('td', {}, el('code', { text: p.ins })),
      el('td', { text: p.identity.qualified ? 'qualifiée' : 'non qualifiée' }),
      el('td', {}, el('span', { className: `badge state-${p.profile}`, text: PATIENT_STATE_LABELS[p.profile] ?? p.profile })),
      el('td', { text: p.frequentedPharmacies.map((f) => `${f.name ?? f.id}${f.organisationalMailboxes.length ? ` (${f.organisationalMailboxes.join(', ')})` : ''}`).join(' ; ') || '—' }),
    ),
  );
  return el(
    'section',
    { attrs: { 'aria-labelledby': 'ec-patients' } },
    el('h3', { text: 'Patients (Mon espace santé)', attrs: { id: 'ec-patients' } }),
    el('table', { className: 'patients' }, el('thead', {}, el('tr', {}, ...['Patient', 'Matricule INS', 'Identité', 'Profil', 'Pharmacies fréquentées'].map((t) => el('th', { text: t, attrs: { scope: 'col' } })))), el('tbody', {}, ...rows)),
  );
}
