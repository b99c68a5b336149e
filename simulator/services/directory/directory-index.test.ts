// A new index after a trust-space change: the records the change did not touch keep the JSON the
// previous index made (same bytes a fresh build gives), the others get new JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import { DirectoryIndexCache } from './directory-index-cache.ts';
import { resourceAt, resourceFragments } from './fhir-resources.ts';
import { RESOURCE_TYPES } from './fhir-vocabulary.ts';
import { applyChange } from './trust-space-change.ts';
import { defaultData } from './testing/directory-kit.ts';

const data = await defaultData();

test('after a change, only the records it touched are serialised again; every JSON equals a fresh build', () => {
  let clock = new Date('2025-03-13T14:00:00Z');
  const cache = new DirectoryIndexCache(() => clock);
  const before = cache.of(createTrustSpaceView(data));
  for (const type of RESOURCE_TYPES) resourceFragments(before, type);
  clock = new Date('2025-03-14T09:00:00Z');
  const after = cache.of(createTrustSpaceView(applyChange(data, { kind: 'remove-mailbox', address: 'paul.martin@ch-valbrume.mssante.fr' })));
  const stamp = clock.toISOString();
  let made = 0;
  let touched = 0;
  for (const type of RESOURCE_TYPES) {
    touched += after.tables[type].lastUpdated.filter((at) => at === stamp).length;
    const table = after.fragments(type, (position) => {
      assert.equal(after.tables[type].lastUpdated[position], stamp, `${type} ${position} unchanged, yet made again`);
      made += 1;
      return JSON.stringify(resourceAt(after, type, position));
    });
    for (let position = 0; position < table.size; position += 1) {
      assert.equal(Buffer.from(table.latin1(position), 'latin1').toString('utf8'), JSON.stringify(resourceAt(after, type, position)), `${type} ${position}`);
    }
  }
  const total = RESOURCE_TYPES.reduce((sum, type) => sum + after.tables[type].size, 0);
  assert.ok(touched > 0 && touched < total, `${touched} of ${total} records touched by the change`);
  assert.equal(made, touched, 'exactly the touched records are made again');
});
