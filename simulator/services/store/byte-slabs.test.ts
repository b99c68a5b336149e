// Delivered bytes packed into shared slabs: the same bytes as a plain concatenation, views that
// never overlap, large messages and a cleared allocator in buffers of their own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ByteSlabs, PACKED_MAX_BYTES, SLAB_BYTES } from './byte-slabs.ts';

test('a packed copy holds the same bytes as Buffer.concat, and later copies never overwrite it', () => {
  const slabs = new ByteSlabs();
  const line = Buffer.from('Return-Path: <a@exemple.test>\r\n');
  const first = slabs.concat([line, Buffer.from('Subject: un\r\n\r\ncorps')]);
  const second = slabs.concat([line, Buffer.from('Subject: deux\r\n\r\nautre corps')]);
  assert.deepEqual(first, Buffer.concat([line, Buffer.from('Subject: un\r\n\r\ncorps')]));
  assert.deepEqual(second, Buffer.concat([line, Buffer.from('Subject: deux\r\n\r\nautre corps')]));
  assert.equal(first.buffer, second.buffer, 'both in one slab');
  assert.equal(second.byteOffset, first.byteOffset + first.length);
});

test('a slab is filled up to its size, then a new one starts', () => {
  const slabs = new ByteSlabs();
  const part = Buffer.alloc(10_000, 0x61);
  const copies = Array.from({ length: Math.ceil(SLAB_BYTES / part.length) + 1 }, () => slabs.concat([part]));
  const perSlab = Math.floor(SLAB_BYTES / part.length);
  assert.equal(copies[perSlab - 1]!.buffer, copies[0]!.buffer);
  assert.notEqual(copies[perSlab]!.buffer, copies[0]!.buffer);
  assert.equal(copies[perSlab]!.byteOffset, 0);
  for (const copy of copies) assert.deepEqual(copy, part);
});

test('a large message gets a buffer of its own, and clear starts a new slab', () => {
  const slabs = new ByteSlabs();
  const small = slabs.concat([Buffer.from('petit')]);
  const large = slabs.concat([Buffer.alloc(PACKED_MAX_BYTES + 1, 0x62)]);
  assert.equal(large.buffer.byteLength, PACKED_MAX_BYTES + 1);
  slabs.clear();
  const after = slabs.concat([Buffer.from('après')]);
  assert.notEqual(after.buffer, small.buffer);
  assert.equal(small.toString(), 'petit');
});
