import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleJson, resourceJson } from './fhir-json.ts';
import type { SearchsetBundle } from './search-bundle.ts';

test('bundle bytes are exactly JSON.stringify of the bundle, resources cached by identity', () => {
  const resource = { resourceType: 'Practitioner' as const, id: '899900100035', name: [{ family: 'Hélène « Ω »', given: ['"quoted"\n'] }] };
  const bundle: SearchsetBundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 2,
    link: [{ relation: 'self', url: 'http://x/fhir/v2/Practitioner?name=h%C3%A9' }],
    entry: [
      { fullUrl: 'http://x/fhir/v2/Practitioner/899900100035', resource, search: { mode: 'match' } },
      { fullUrl: 'http://x/fhir/v2/Practitioner/899900100035', resource, search: { mode: 'include' } },
    ],
  };
  assert.equal(bundleJson(bundle).toString('utf8'), JSON.stringify(bundle));
  assert.equal(resourceJson(resource), resourceJson(resource));
  const empty: SearchsetBundle = { resourceType: 'Bundle', type: 'searchset', total: 0, link: [{ relation: 'self', url: 'http://x' }] };
  assert.equal(bundleJson(empty).toString('utf8'), JSON.stringify(empty));
});
