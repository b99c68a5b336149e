import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoted } from './quoted-value.ts';

describe('quoted', () => {
  it('puts French quotation marks around text, JSON for other values', () => {
    assert.equal(quoted('abc'), '« abc »');
    assert.equal(quoted(3), '« 3 »');
    assert.equal(quoted({ a: [1] }), '« {"a":[1]} »');
    assert.equal(quoted(undefined), '« undefined »');
  });

  it('shortens text longer than 80 characters to 77 and an ellipsis', () => {
    assert.equal(quoted('x'.repeat(80)), `« ${'x'.repeat(80)} »`);
    assert.equal(quoted('x'.repeat(81)), `« ${'x'.repeat(77)}… »`);
  });
});

describe('quoted on a value JSON.stringify cannot serialise', () => {
  it('names its kind instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    assert.equal(quoted(cyclic), '« {…} »');
    assert.equal(quoted([cyclic]), '« […] »');
  });
});
