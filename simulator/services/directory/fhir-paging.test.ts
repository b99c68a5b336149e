// Paging (`_count`, `_getpagesoffset`, next/previous links) and `_include` / `_revinclude`
// (REG-ANN-01): following `next` to the end returns every match exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDirectory } from '../../../fixtures/generator/generate-directory.ts';
import { includedRefs, linkOf, matchIds } from './testing/bundle-ids.ts';
import { defaultData, directoryKit, TEST_ORIGIN } from './testing/directory-kit.ts';

const generated = directoryKit(generateDirectory({ practitioners: 3000, organisations: 600, seed: 11 }));
const fixtures = directoryKit(await defaultData());

async function followAll(first: string, pageSize: number): Promise<{ ids: string[]; total: number; pages: number }> {
  const ids: string[] = [];
  let next: string | undefined = first;
  let total = -1;
  let pages = 0;
  while (next !== undefined && pages < 1000) {
    const page = await generated.fhir(next.replace(TEST_ORIGIN, ''));
    assert.equal(page.status, 200);
    total = page.body.total;
    assert.ok(matchIds(page.body).length <= pageSize);
    ids.push(...matchIds(page.body));
    next = linkOf(page.body, 'next');
    pages += 1;
  }
  return { ids, total, pages };
}

test('next links followed to the end return every match exactly once, in the order of one big page', async () => {
  const { ids, total, pages } = await followAll('/fhir/v2/Practitioner?mailbox-mss:contains=%40&_count=100', 100);
  assert.equal(ids.length, total);
  assert.equal(new Set(ids).size, total);
  assert.equal(pages, Math.ceil(total / 100));
  const all = await generated.fhir('/fhir/v2/Practitioner?mailbox-mss:contains=%40&_count=1000&_getpagesoffset=0');
  const rest = await generated.fhir('/fhir/v2/Practitioner?mailbox-mss:contains=%40&_count=1000&_getpagesoffset=1000');
  assert.deepEqual(ids.slice(0, 2000), [...matchIds(all.body), ...matchIds(rest.body)]);
  assert.ok(total > 1000, `a search over several pages (${total})`);
});

test('default page of 50, self / next / previous links, an offset past the end is an empty page', async () => {
  const first = await generated.fhir('/fhir/v2/Organization?name=pharmacie');
  assert.equal(matchIds(first.body).length, 50);
  assert.equal(linkOf(first.body, 'self'), `${TEST_ORIGIN}/fhir/v2/Organization?name=pharmacie&_count=50`);
  assert.equal(linkOf(first.body, 'next'), `${TEST_ORIGIN}/fhir/v2/Organization?name=pharmacie&_count=50&_getpagesoffset=50`);
  assert.equal(linkOf(first.body, 'previous'), undefined);
  const second = await generated.fhir('/fhir/v2/Organization?name=pharmacie&_count=50&_getpagesoffset=50');
  assert.equal(linkOf(second.body, 'previous'), `${TEST_ORIGIN}/fhir/v2/Organization?name=pharmacie&_count=50&_getpagesoffset=0`);
  const beyond = await generated.fhir(`/fhir/v2/Organization?name=pharmacie&_getpagesoffset=100000`);
  assert.equal(beyond.body.entry, undefined);
  assert.equal(beyond.body.total, first.body.total);
  assert.equal(linkOf(beyond.body, 'next'), undefined);
});

test('_include on PractitionerRole brings each practitioner and organisation once; total counts matches only', async () => {
  const roles = await fixtures.fhir('/fhir/v2/PractitionerRole?organization=cpts-pays-valbrume&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization');
  assert.equal(roles.body.total, 3);
  assert.deepEqual(includedRefs(roles.body), ['Organization/cpts-pays-valbrume', 'Practitioner/0496090012', 'Practitioner/899900100043', 'Practitioner/899900100050']);
  const star = await fixtures.fhir('/fhir/v2/PractitionerRole?organization=cpts-pays-valbrume&_include=*');
  assert.deepEqual(includedRefs(star.body), includedRefs(roles.body));
  const onlyPractitioners = await fixtures.fhir('/fhir/v2/PractitionerRole?organization=cpts-pays-valbrume&_include=PractitionerRole:practitioner');
  assert.deepEqual(includedRefs(onlyPractitioners.body), ['Practitioner/0496090012', 'Practitioner/899900100043', 'Practitioner/899900100050']);
});

test('_revinclude brings the PractitionerRoles of matched practitioners and organisations', async () => {
  const rousseau = await fixtures.fhir('/fhir/v2/Practitioner?_id=899900100043&_revinclude=PractitionerRole:practitioner');
  assert.deepEqual(includedRefs(rousseau.body), ['PractitionerRole/899900100043-1', 'PractitionerRole/899900100043-2']);
  const cpts = await fixtures.fhir('/fhir/v2/Organization?_id=cpts-pays-valbrume&_revinclude=PractitionerRole:organization');
  assert.deepEqual(includedRefs(cpts.body), ['PractitionerRole/0496090012-1', 'PractitionerRole/899900100043-2', 'PractitionerRole/899900100050-1']);
});

test('the largest page with every include stays bounded (1000 matches + at most 1000 included)', async () => {
  const big = await generated.fhir('/fhir/v2/Organization?_count=1000&_revinclude=*');
  assert.equal(matchIds(big.body).length, 600);
  assert.ok(big.body.entry.length <= 2000);
  assert.ok(includedRefs(big.body).length > 0);
});
