// Every publication agrees with SMTP routing over the whole default trust space (REG-ANN-06): a
// published mailbox appears once in FHIR and once in the extraction with the same facts, and
// is routable; a red-listed or off-whitelist one appears in neither. After a change through
// applyChange and a new view, the next search, extraction and liste blanche all follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import type { TrustSpaceData } from '../../domain/model.ts';
import { planRecipient } from '../../domain/recipient-plan.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { extractionRows } from './extraction-file.ts';
import { publishedMailboxes } from './published-mailbox.ts';
import { matchIds } from './testing/bundle-ids.ts';
import { defaultData, directoryKit, type DirectoryKit } from './testing/directory-kit.ts';
import { applyChange } from './trust-space-change.ts';

interface Fact { type: string; address: string; description: string; service: string; idNat: string; structure: string }

/** Every MSSanté telecom of every resource, as facts comparable with extraction lines. */
async function fhirFacts(kit: DirectoryKit): Promise<Fact[]> {
  const facts: Fact[] = [];
  for (const type of ['Practitioner', 'PractitionerRole', 'Organization']) {
    const bundle = (await kit.fhir(`/fhir/v2/${type}?_count=1000`)).body;
    for (const { resource } of bundle.entry ?? []) {
      for (const telecom of resource.telecom ?? []) {
        const meta = new Map<string, any>(telecom.extension[1].extension.map((e: any) => [e.url, e]));
        const idNat = type === 'Practitioner' ? resource.id : type === 'PractitionerRole' ? resource.practitioner.reference.split('/')[1] : '';
        const structure = type === 'Organization' ? resource.id : type === 'PractitionerRole' ? resource.organization.reference.split('/')[1] : '';
        facts.push({ type: meta.get('type').valueCodeableConcept.coding[0].code, address: telecom.value, description: meta.get('description')?.valueString ?? '', service: meta.get('service')?.valueString ?? '', idNat, structure });
      }
    }
  }
  return facts.sort((a, b) => a.address.localeCompare(b.address));
}

function extractionFacts(view: TrustSpaceView, data: TrustSpaceData): Fact[] {
  const structureIds = new Map(data.organisations.map((o) => [o.finess !== undefined ? `1${o.finess}` : `3${o.siret}`, o.id]));
  return extractionRows(view)
    .map((row) => {
      const mailbox = view.mailbox(row[1] ?? '');
      const structure = row[0] === 'PER' || row[0] === 'ORG' || row[0] === 'APP' ? (structureIds.get(row[6] ?? '') ?? '') : '';
      return { type: row[0] ?? '', address: row[1] ?? '', description: mailbox?.description ?? '', service: row[7] ?? '', idNat: row[4] ?? '', structure };
    })
    .sort((a, b) => a.address.localeCompare(b.address));
}

test('over the default trust space, FHIR, extraction and routing agree mailbox by mailbox', async () => {
  const data = await defaultData();
  const view = createTrustSpaceView(data);
  const kit = directoryKit(data);
  const published = publishedMailboxes(view).map((p) => p.mailbox.address).sort();
  assert.equal(published.length, 10);
  const fhir = await fhirFacts(kit);
  assert.deepEqual(fhir.map((f) => f.address), published);
  assert.deepEqual(fhir, extractionFacts(view, data));
  for (const address of published) assert.equal(planRecipient(address, view).kind, 'mailbox', address);
  for (const hidden of data.mailboxes.filter((m) => !published.includes(m.address))) {
    for (const type of ['Practitioner', 'PractitionerRole', 'Organization']) {
      assert.equal((await kit.fhir(`/fhir/v2/${type}?mailbox-mss:exact=${encodeURIComponent(hidden.address)}`)).body.total, 0);
    }
    assert.equal(extractionRows(view).some((row) => row[1] === hidden.address), false, hidden.address);
  }
});

test('a change (add, remove, whitelist) reaches the next FHIR search, extraction, liste blanche and routing', async () => {
  const data = await defaultData();
  const kit = directoryKit(data);
  await kit.fhir('/fhir/v2/Practitioner'); // index of the first view, stamped 14:00
  let changed = applyChange(data, { kind: 'add-mailbox', mailbox: { address: 'nadia.benali@infirmier.mssante.fr', type: 'PER', owner: { kind: 'practitioner', idNat: '899900100050' }, displayName: 'Nadia Benali', description: 'Boîte nominative', redListed: false, password: 'test-nadia' } });
  changed = applyChange(changed, { kind: 'remove-mailbox', address: 'camille.dupre@pharmacien.mssante.fr' });
  changed = applyChange(changed, { kind: 'set-domain-whitelisted', domain: 'medecin.mssante.fr', whitelisted: false });
  const view = createTrustSpaceView(changed, { whitelistUpdatedAt: '2025-03-13T15:00:00Z' });
  kit.clock = new Date('2025-03-13T15:00:00Z');
  kit.setView(view);
  const fhir = (await fhirFacts(kit)).map((f) => f.address);
  const extraction = extractionRows(view).map((row) => row[1]).sort();
  assert.deepEqual(fhir, extraction);
  assert.ok(fhir.includes('nadia.benali@infirmier.mssante.fr'));
  assert.ok(!fhir.includes('camille.dupre@pharmacien.mssante.fr'));
  assert.ok(!fhir.some((address) => address.endsWith('@medecin.mssante.fr')));
  assert.equal(planRecipient('nadia.benali@infirmier.mssante.fr', view).kind, 'mailbox');
  assert.equal(planRecipient('helene.rousseau@medecin.mssante.fr', view).kind, 'outside-trust-space');
  const whitelist = await (await kit.raw('/listeblanchemssante.xml')).text();
  assert.doesNotMatch(whitelist, /<Nom>medecin\.mssante\.fr<\/Nom>/);
  assert.match(whitelist, /<Nom>infirmier\.mssante\.fr<\/Nom>/);
  const touched = async (type: string) => matchIds((await kit.fhir(`/fhir/v2/${type}?_lastUpdated=gt2025-03-13T14:00:00Z`)).body).sort();
  assert.deepEqual(await touched('Practitioner'), ['899900100043'], 'Dr Rousseau lost her medecin.mssante.fr boxes');
  assert.deepEqual(await touched('PractitionerRole'), ['899900100019-1', '899900100050-1']);
  assert.deepEqual(await touched('Organization'), []);
});
