// The search suite over the default fixtures: every parameter and modifier of the simulated
// Annuaire Santé (REG-ANN-02), with exact result sets. Every answer is schema-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchIds } from './testing/bundle-ids.ts';
import { defaultData, directoryKit } from './testing/directory-kit.ts';

const kit = directoryKit(await defaultData());
const TRE_R257 = 'https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL';
const TRE_R02 = 'https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite';

async function found(path: string): Promise<string[]> {
  const answer = await kit.fhir(path);
  assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
  assert.equal(answer.body.total, matchIds(answer.body).length, `${path}: total`);
  return matchIds(answer.body).sort();
}

const MARTIN = '899900100035';
const ROUSSEAU = '899900100043';
const MOREAU = '0496090012';

test('Practitioner: mailbox-mss starts-with by default, :contains, :exact (case-sensitive)', async () => {
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss:contains=%40'), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss=helene'), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss=rousseau'), []);
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss:contains=ROUSSEAU@MEDECIN'), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss:exact=cabinet.acacias@medecin.mssante.fr'), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss:exact=CABINET.acacias@medecin.mssante.fr'), []);
});

test('Practitioner: mailbox-mss-type with and without the TRE_R257 system', async () => {
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss-type=CAB'), [ROUSSEAU]);
  assert.deepEqual(await found(`/fhir/v2/Practitioner?mailbox-mss-type=${encodeURIComponent(`${TRE_R257}|PER`)}`), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss-type=urn:autre|PER'), []);
  assert.deepEqual(await found('/fhir/v2/Practitioner?mailbox-mss-type=ORG'), []);
});

test('Practitioner: identifier as idNat (8… RPPS, 0… ADELI) or number with its system', async () => {
  assert.deepEqual(await found(`/fhir/v2/Practitioner?identifier=${MARTIN}`), [MARTIN]);
  assert.deepEqual(await found(`/fhir/v2/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|${MARTIN}`), [MARTIN]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?identifier=https://rpps.esante.gouv.fr|99900100035'), [MARTIN]);
  assert.deepEqual(await found(`/fhir/v2/Practitioner?identifier=${MOREAU}`), [MOREAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?identifier=https://adeli.esante.gouv.fr|496090012'), [MOREAU]);
  assert.deepEqual(await found(`/fhir/v2/Practitioner?identifier=https://finess.esante.gouv.fr|${MARTIN}`), []);
  assert.deepEqual(await found(`/fhir/v2/Practitioner?identifier=${MARTIN},${MOREAU}`), [MOREAU, MARTIN].sort());
});

test('Practitioner: name, family, given — accent- and case-insensitive starts-with, :contains, :exact', async () => {
  assert.deepEqual(await found('/fhir/v2/Practitioner?name=rous'), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?name=HELENE'), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?given=h%C3%A9l'), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?family=martin'), [MARTIN]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?given=paul'), [MARTIN]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?family=paul'), []);
  assert.deepEqual(await found('/fhir/v2/Practitioner?family:contains=ssea'), [ROUSSEAU]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?family:exact=Martin'), [MARTIN]);
  assert.deepEqual(await found('/fhir/v2/Practitioner?family:exact=martin'), []);
  assert.deepEqual(await found('/fhir/v2/Practitioner?name=sophie'), [], 'no idNat: not in the Annuaire Santé');
});

test('Practitioner: _id, active, _lastUpdated with prefixes', async () => {
  assert.deepEqual(await found(`/fhir/v2/Practitioner?_id=${MARTIN}`), [MARTIN]);
  assert.equal((await found('/fhir/v2/Practitioner?active=true')).length, 6);
  assert.deepEqual(await found('/fhir/v2/Practitioner?active=false'), []);
  assert.equal((await found('/fhir/v2/Practitioner?_lastUpdated=ge2025-03-13')).length, 6);
  assert.equal((await found('/fhir/v2/Practitioner?_lastUpdated=2025-03-13T14:00')).length, 6);
  assert.equal((await found('/fhir/v2/Practitioner?_lastUpdated=le2025-03')).length, 6);
  assert.deepEqual(await found('/fhir/v2/Practitioner?_lastUpdated=gt2025-03-13T14:00:00Z'), []);
  assert.deepEqual(await found('/fhir/v2/Practitioner?_lastUpdated=lt2025'), []);
  assert.equal((await found('/fhir/v2/Practitioner?_lastUpdated=gt2025-03-13T15:00:00%2B02:00')).length, 6);
});

test('PractitionerRole: mailbox-mss, mailbox-mss-type, practitioner, organization, role', async () => {
  assert.deepEqual(await found('/fhir/v2/PractitionerRole?mailbox-mss:contains=%40'), ['899900100019-1', `${MARTIN}-1`]);
  assert.deepEqual(await found('/fhir/v2/PractitionerRole?mailbox-mss-type=PER'), ['899900100019-1', `${MARTIN}-1`]);
  assert.deepEqual(await found(`/fhir/v2/PractitionerRole?practitioner=Practitioner/${ROUSSEAU}`), [`${ROUSSEAU}-1`, `${ROUSSEAU}-2`]);
  assert.deepEqual(await found(`/fhir/v2/PractitionerRole?practitioner=${ROUSSEAU}`), [`${ROUSSEAU}-1`, `${ROUSSEAU}-2`]);
  assert.deepEqual(await found('/fhir/v2/PractitionerRole?organization=cpts-pays-valbrume'), [`${MOREAU}-1`, `${ROUSSEAU}-2`, '899900100050-1'].sort());
  assert.deepEqual(await found('/fhir/v2/PractitionerRole?role=21'), ['899900100019-1', '899900100027-1']);
  assert.deepEqual(await found('/fhir/v2/PractitionerRole?role=https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante|10'), [`${MARTIN}-1`, `${ROUSSEAU}-1`, `${ROUSSEAU}-2`]);
});

test('Organization: type (secteur d’activité, pharmacies), identifier (FINESS, SIRET, idNat_Struct)', async () => {
  const pharmacies = ['pharmacie-des-tilleuls', 'pharmacie-des-tilleuls-landes', 'pharmacie-du-parc'];
  assert.deepEqual(await found('/fhir/v2/Organization?type=SA33'), pharmacies);
  assert.deepEqual(await found(`/fhir/v2/Organization?type=${encodeURIComponent(`${TRE_R02}|SA33`)}&mailbox-mss:contains=%40`), pharmacies);
  assert.deepEqual(await found('/fhir/v2/Organization?type=SA33,SA38,SA39,SA65'), pharmacies);
  assert.deepEqual(await found('/fhir/v2/Organization?type=SA38'), []);
  assert.deepEqual(await found('/fhir/v2/Organization?identifier=499900017'), ['pharmacie-du-parc']);
  assert.deepEqual(await found('/fhir/v2/Organization?identifier=https://finess.esante.gouv.fr|499900017'), ['pharmacie-du-parc']);
  assert.deepEqual(await found('/fhir/v2/Organization?identifier=1499900017'), ['pharmacie-du-parc']);
  assert.deepEqual(await found('/fhir/v2/Organization?identifier=https://sirene.fr|99900008000013'), ['cpts-pays-valbrume']);
  assert.deepEqual(await found('/fhir/v2/Organization?identifier=https://finess.esante.gouv.fr|'), ['ch-valbrume', 'laboratoire-landes-brume', ...pharmacies].sort());
});

test('Organization: name, address-city, address-postalcode, mailbox-mss, AND and OR', async () => {
  assert.deepEqual(await found('/fhir/v2/Organization?name=pharmacie'), ['pharmacie-des-tilleuls', 'pharmacie-des-tilleuls-landes', 'pharmacie-du-parc']);
  assert.deepEqual(await found('/fhir/v2/Organization?name:contains=valbrume'), ['ch-valbrume', 'cpts-pays-valbrume']);
  assert.deepEqual(await found('/fhir/v2/Organization?name:exact=Pharmacie%20du%20Parc'), ['pharmacie-du-parc']);
  assert.deepEqual(await found('/fhir/v2/Organization?address-postalcode=49991'), ['cabinet-des-acacias', 'pharmacie-des-tilleuls']);
  assert.equal((await found('/fhir/v2/Organization?address-postalcode=4999')).length, 5);
  assert.deepEqual(await found('/fhir/v2/Organization?address-city=saint-ormel'), ['cabinet-des-acacias', 'pharmacie-des-tilleuls']);
  assert.deepEqual(await found('/fhir/v2/Organization?name=pharmacie&address-postalcode=49990'), ['pharmacie-du-parc']);
  assert.deepEqual(await found('/fhir/v2/Organization?name=pharmacie&name=pharmacie%20des'), ['pharmacie-des-tilleuls', 'pharmacie-des-tilleuls-landes']);
  assert.deepEqual(await found('/fhir/v2/Organization?name=Pharmacie%20du,Centre'), ['ch-valbrume', 'pharmacie-du-parc']);
  assert.deepEqual(await found('/fhir/v2/Organization?mailbox-mss:contains=%40'), ['ch-valbrume', 'cpts-pays-valbrume', 'pharmacie-des-tilleuls', 'pharmacie-des-tilleuls-landes', 'pharmacie-du-parc']);
  assert.deepEqual(await found('/fhir/v2/Organization?mailbox-mss-type=APP'), ['ch-valbrume']);
});

test('liste rouge: a red-listed mailbox is found by no search, its owner is published without it', async () => {
  for (const type of ['Practitioner', 'PractitionerRole', 'Organization']) {
    assert.deepEqual(await found(`/fhir/v2/${type}?mailbox-mss:contains=julien`), [], type);
  }
  const moreau = await kit.fhir(`/fhir/v2/Practitioner/${MOREAU}`);
  assert.equal(moreau.status, 200);
  assert.equal(moreau.body.telecom, undefined);
  assert.doesNotMatch(JSON.stringify((await kit.fhir('/fhir/v2/PractitionerRole?_count=1000')).body), /julien\.moreau/);
});

test('read by id, GET …/_search, and POST _search with a form body give the same resources', async () => {
  const read = await kit.fhir(`/fhir/v2/Practitioner/${MARTIN}`);
  assert.equal(read.body.id, MARTIN);
  assert.deepEqual(read.body.name, [{ use: 'usual', family: 'Martin', given: ['Paul'], prefix: ['Dr'] }]);
  assert.deepEqual(matchIds((await kit.fhir('/fhir/v2/Practitioner/_search?family=martin')).body), [MARTIN]);
  const posted = await kit.fhir('/fhir/v2/Organization/_search?type=SA33', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'name=pharmacie+du&mailbox-mss%3Acontains=%40',
  });
  assert.equal(posted.status, 200);
  assert.deepEqual(matchIds(posted.body), ['pharmacie-du-parc']);
  assert.match(posted.body.link[0].url, /^http:\/\/annuaire\.test\/fhir\/v2\/Organization\?type=SA33&name=pharmacie\+du&mailbox-mss%3Acontains=%40&_count=50$/);
});

test('_elements keeps the named elements, tagged SUBSETTED; _summary=count and _total=none', async () => {
  const subset = await kit.fhir('/fhir/v2/Organization?_id=pharmacie-du-parc&_elements=name,telecom');
  const resource = subset.body.entry[0].resource;
  assert.deepEqual(Object.keys(resource).sort(), ['id', 'meta', 'name', 'resourceType', 'telecom']);
  assert.equal(resource.meta.tag[0].code, 'SUBSETTED');
  const counted = await kit.fhir('/fhir/v2/Organization?_summary=count');
  assert.equal(counted.body.total, 7);
  assert.equal(counted.body.entry, undefined);
  const untotalled = await kit.fhir('/fhir/v2/Organization?_total=none');
  assert.equal(untotalled.body.total, undefined);
  assert.equal(matchIds(untotalled.body).length, 7);
});

test('metadata: a CapabilityStatement listing every served parameter', async () => {
  const metadata = await kit.fhir('/fhir/v2/metadata');
  assert.equal(metadata.status, 200);
  const organization = metadata.body.rest[0].resource.find((r: { type: string }) => r.type === 'Organization');
  assert.deepEqual(organization.searchParam.map((p: { name: string }) => p.name).sort(), ['_id', '_lastUpdated', 'active', 'address-city', 'address-postalcode', 'identifier', 'mailbox-mss', 'mailbox-mss-type', 'name', 'type']);
  assert.deepEqual(organization.searchRevInclude, ['PractitionerRole:organization']);
});
