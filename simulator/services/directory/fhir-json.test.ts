// The JSON bytes of a search page, assembled from the resources' kept JSON, are exactly
// JSON.stringify of the same page built as objects, over many searches: paging and its links,
// `_count`, `_total=none`, `_summary=count`, `_elements`, `_include`, `_revinclude`, accents,
// empty pages and the "no results" fault.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDirectory } from '../../../fixtures/generator/generate-directory.ts';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import type { TrustSpaceData } from '../../domain/model.ts';
import { DirectoryIndexCache } from './directory-index-cache.ts';
import { searchsetJson } from './fhir-json.ts';
import type { ResourceType } from './fhir-vocabulary.ts';
import { parseSearch } from './parse-search.ts';
import { searchsetBundle } from './search-bundle.ts';
import { defaultData, FIXED_NOW } from './testing/directory-kit.ts';

const BASE = 'http://127.0.0.1:8080/fhir/v2';

function searches(data: TrustSpaceData): [ResourceType, string][] {
  const list: [ResourceType, string][] = [];
  for (const mailbox of data.mailboxes.filter((_, i) => i % 7 === 0).slice(0, 40)) {
    const part = mailbox.address.split(/[.@]/)[1] ?? 'a';
    list.push(['Practitioner', `mailbox-mss:contains=${encodeURIComponent(part)}`]);
    list.push(['PractitionerRole', `mailbox-mss:contains=${encodeURIComponent(part.slice(0, 3))}&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization&_count=20`]);
    list.push(['Organization', `mailbox-mss=${encodeURIComponent(mailbox.address.slice(0, 3))}&_revinclude=PractitionerRole:organization&_count=4`]);
  }
  for (const practitioner of data.practitioners.filter((p) => p.idNat !== undefined).slice(0, 10)) {
    list.push(['Practitioner', `identifier=${practitioner.idNat ?? ''}&_revinclude=PractitionerRole:practitioner`]);
    list.push(['PractitionerRole', `practitioner=Practitioner/${practitioner.idNat ?? ''}&_include=*&_elements=code`]);
  }
  for (const organisation of data.organisations.slice(0, 10)) {
    list.push(['Organization', `name=${encodeURIComponent(organisation.name.split(' ')[0] ?? '')}&address-postalcode=${organisation.address.postalCode.slice(0, 2)}&_count=5&_getpagesoffset=5`]);
    list.push(['Organization', `name:contains=${encodeURIComponent(organisation.name.slice(-4))}&_elements=name,address,telecom`]);
  }
  for (const query of ['name=a', 'name=ma&_count=3&_getpagesoffset=30', 'given=h%C3%A9', '_summary=count&name=b', 'active=true&_count=1000', '_total=none&_count=2', '_count=0', 'name=x,y&_count=20&_getpagesoffset=99999']) {
    list.push(['Practitioner', query]);
  }
  return list;
}

for (const [name, data] of [['default fixtures', await defaultData()], ['a generated directory', generateDirectory({ practitioners: 2000, organisations: 400, seed: 3 })]] as const) {
  test(`bytes of every page equal JSON.stringify of the page as objects (${name})`, () => {
    const index = new DirectoryIndexCache(() => FIXED_NOW).of(createTrustSpaceView(data));
    let entries = 0;
    for (const [type, query] of searches(data)) {
      const request = parseSearch(type, new URLSearchParams(query));
      for (const empty of [false, true]) {
        const bundle = searchsetBundle(index, request, BASE, empty);
        entries += bundle.entry?.length ?? 0;
        assert.equal(searchsetJson(index, request, BASE, empty).toString('utf8'), JSON.stringify(bundle), `${type}?${query}${empty ? ' (fault empty)' : ''}`);
      }
    }
    assert.ok(entries > 50, `the searches found something (${entries} entries)`);
  });
}
