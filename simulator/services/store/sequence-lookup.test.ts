// Finding records by sequential id answers as a Map from id to record would: in order (binary
// search), out of order (a Map from then on), after removals from the front and after a clear.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SequenceLookup } from './sequence-lookup.ts';

interface Item {
  readonly id: string;
}

function list() {
  const items: Item[] = [];
  const lookup = new SequenceLookup<Item>('m-', () => items);
  const add = (id: string) => {
    const item = { id };
    items.push(item);
    lookup.added(item);
    return item;
  };
  const shift = () => lookup.removed(items.shift()!);
  return { items, lookup, add, shift };
}

test('records in increasing order are found by exact id, absent ones are not', () => {
  const { lookup, add, shift } = list();
  const made = ['m-000001', 'm-000002', 'm-000005', 'm-000009', 'm-1000000'].map(add);
  for (const item of made) assert.equal(lookup.find(item.id), item);
  for (const id of ['m-000003', 'm-1', 'm-000010', 't-000001', 'm-', 'm-abc', '']) assert.equal(lookup.find(id), undefined, id);
  shift();
  assert.equal(lookup.find('m-000001'), undefined);
  assert.equal(lookup.find('m-000002'), made[1]);
});

test('out of order or hand-made ids: answers of a Map from then on, until a clear', () => {
  const { items, lookup, add, shift } = list();
  const first = add('m-000010');
  const second = add('m-000004');
  const odd = add('note-1');
  assert.equal(lookup.find('m-000010'), first);
  assert.equal(lookup.find('m-000004'), second);
  assert.equal(lookup.find('note-1'), odd);
  shift();
  assert.equal(lookup.find('m-000010'), undefined);
  items.length = 0;
  lookup.cleared();
  const again = add('m-000011');
  assert.equal(lookup.find('m-000011'), again);
  assert.equal(lookup.find('note-1'), undefined);
});
