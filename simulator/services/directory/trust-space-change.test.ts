import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mailbox } from '../../domain/model.ts';
import { defaultData } from './testing/directory-kit.ts';
import { applyChange } from './trust-space-change.ts';
import { TrustSpaceChangeError } from './trust-space-change-error.ts';

const data = await defaultData();
const nadia: Mailbox = {
  address: 'nadia.benali@infirmier.mssante.fr',
  type: 'PER',
  owner: { kind: 'practitioner', idNat: '899900100050' },
  displayName: 'Nadia Benali',
  description: 'Boîte nominative de Nadia Benali',
  redListed: false,
  password: 'test-nadia',
};

function refusal(run: () => unknown): TrustSpaceChangeError {
  try {
    run();
  } catch (error) {
    if (error instanceof TrustSpaceChangeError) return error;
    throw error;
  }
  assert.fail('expected a TrustSpaceChangeError');
}

test('add-mailbox appends a valid mailbox and leaves the old data untouched', () => {
  const changed = applyChange(data, { kind: 'add-mailbox', mailbox: nadia });
  assert.equal(changed.mailboxes.length, data.mailboxes.length + 1);
  assert.deepEqual(changed.mailboxes.at(-1), nadia);
  assert.equal(data.mailboxes.some((m) => m.address === nadia.address), false);
  assert.equal(changed.practitioners, data.practitioners);
});

test('add-mailbox refuses a taken address, whatever its case', () => {
  const error = refusal(() => applyChange(data, { kind: 'add-mailbox', mailbox: { ...nadia, address: 'Paul.Martin@ch-valbrume.mssante.fr' } }));
  assert.equal(error.code, 'MSS_SIM_CHANGE_DUPLICATE_ADDRESS');
  assert.equal(error.message, "La boîte « Paul.Martin@ch-valbrume.mssante.fr » existe déjà : supprimez-la d'abord ou choisissez une autre adresse.");
});

test('add-mailbox reports every problem at once, with its path in the mailbox', () => {
  const unknownDomain = refusal(() => applyChange(data, { kind: 'add-mailbox', mailbox: { ...nadia, address: 'nadia@inconnu.mssante.fr', owner: { kind: 'practitioner', idNat: '899999999999' } } }));
  assert.equal(unknownDomain.code, 'MSS_SIM_CHANGE_INVALID_MAILBOX');
  assert.deepEqual(unknownDomain.problems.map((p) => p.path), ['/address', '/owner/idNat']);
  assert.match(unknownDomain.problems[0]?.message ?? '', /le domaine « inconnu\.mssante\.fr » n'est hébergé par aucun opérateur/);
  const wrongOwner = refusal(() => applyChange(data, { kind: 'add-mailbox', mailbox: { ...nadia, owner: { kind: 'organisation', organisationId: 'ch-valbrume' } } }));
  assert.deepEqual(wrongOwner.problems.map((p) => p.path), ['/owner']);
  const patient = refusal(() => applyChange(data, { kind: 'add-mailbox', mailbox: { ...nadia, address: 'x@patient.mssante.fr' } }));
  assert.match(patient.problems[0]?.message ?? '', /patient\.mssante\.fr ne se déclarent pas ici/);
  const syntax = refusal(() => applyChange(data, { kind: 'add-mailbox', mailbox: { ...nadia, address: 'nadia benali@infirmier.mssante.fr' } }));
  assert.deepEqual(syntax.problems.map((p) => p.path), ['/address']);
});

test('remove-mailbox by address, case-insensitive; an unknown address is refused', () => {
  const changed = applyChange(data, { kind: 'remove-mailbox', address: 'PAUL.MARTIN@ch-valbrume.mssante.fr' });
  assert.equal(changed.mailboxes.length, data.mailboxes.length - 1);
  assert.equal(changed.mailboxes.some((m) => m.address === 'paul.martin@ch-valbrume.mssante.fr'), false);
  assert.equal(refusal(() => applyChange(data, { kind: 'remove-mailbox', address: 'personne@medecin.mssante.fr' })).code, 'MSS_SIM_CHANGE_UNKNOWN_MAILBOX');
});

test('set-domain-whitelisted flips one operator domain; an unknown domain is refused', () => {
  const changed = applyChange(data, { kind: 'set-domain-whitelisted', domain: 'Medecin.mssante.fr', whitelisted: false });
  const domains = changed.operators.flatMap((o) => o.domains.map((d) => [d.name, d.whitelisted] as const));
  assert.deepEqual(domains.filter(([, whitelisted]) => !whitelisted).map(([name]) => name).sort(), ['medecin.mssante.fr', 'ouest-esante-sim.mssante.fr']);
  const back = applyChange(changed, { kind: 'set-domain-whitelisted', domain: 'ouest-esante-sim.mssante.fr', whitelisted: true });
  assert.equal(back.operators.find((o) => o.id === 'ouest-esante')?.domains[0]?.whitelisted, true);
  const error = refusal(() => applyChange(data, { kind: 'set-domain-whitelisted', domain: 'gmail.com', whitelisted: true }));
  assert.equal(error.code, 'MSS_SIM_CHANGE_UNKNOWN_DOMAIN');
});
