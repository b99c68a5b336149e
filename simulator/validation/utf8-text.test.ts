import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeUtf8, firstInvalidUtf8Offset } from './utf8-text.ts';

describe('decodeUtf8', () => {
  it('decodes UTF-8 and strips a leading byte order mark', () => {
    assert.deepEqual(decodeUtf8(Buffer.from('\uFEFF{"nom":"Gérard"}', 'utf8')), { ok: true, text: '{"nom":"Gérard"}' });
  });

  it('refuses Latin-1 with the byte offset of the first invalid sequence', () => {
    assert.deepEqual(decodeUtf8(Buffer.from('{"nom":"Gérard"}', 'latin1')), { ok: false, offset: 9 });
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('accepts every well-formed length, including 4-byte sequences', () => {
    assert.equal(firstInvalidUtf8Offset(Buffer.from('aé€😀', 'utf8')), undefined);
  });

  it('points at the start of a truncated, overlong or surrogate sequence', () => {
    assert.equal(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0xe2, 0x82])), 1); // € cut short
    assert.equal(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0x62, 0xc0, 0xaf])), 2); // overlong « / »
    assert.equal(firstInvalidUtf8Offset(Uint8Array.from([0xed, 0xa0, 0x80])), 0); // UTF-16 surrogate
    assert.equal(firstInvalidUtf8Offset(Uint8Array.from([0x61, 0x80])), 1); // lone continuation byte
    assert.equal(firstInvalidUtf8Offset(Uint8Array.from([0xf4, 0x90, 0x80, 0x80])), 0); // beyond U+10FFFF
  });
});
