import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEncodedWords, encodeHeaderText } from './encoded-words.ts';

test('Q and B encoded-words in UTF-8 and latin1 are decoded', () => {
  assert.equal(decodeEncodedWords('=?UTF-8?Q?=5BFIN=5D?='), '[FIN]');
  assert.equal(decodeEncodedWords('=?utf-8?q?caf=C3=A9_cr=C3=A8me?='), 'café crème');
  assert.equal(decodeEncodedWords('=?ISO-8859-1?Q?R=E9ponse?='), 'Réponse');
  assert.equal(decodeEncodedWords('=?latin1?B?Uulwb25zZQ==?='), 'Réponse');
  assert.equal(decodeEncodedWords('=?UTF-8*fr?B?w6k=?='), 'é');
});

test('white space between adjacent encoded-words is dropped; around plain text it is kept', () => {
  assert.equal(decodeEncodedWords('=?UTF-8?Q?a?= \r\n =?UTF-8?Q?b?='), 'ab');
  assert.equal(decodeEncodedWords('Re: =?UTF-8?Q?caf=C3=A9?= ok '), 'Re: café ok ');
  assert.equal(decodeEncodedWords('=?ISO-8859-1?Q?=E9?= =?UTF-8?Q?=C3=A9?='), 'éé');
});

test('a UTF-8 character split across two words comes out whole', () => {
  assert.equal(decodeEncodedWords('=?UTF-8?B?w6nD?= =?UTF-8?B?qQ==?='), 'éé');
});

test('undecodable words are kept as written', () => {
  assert.equal(decodeEncodedWords('=?x-unknown?Q?brut?='), '=?x-unknown?Q?brut?=');
  assert.equal(decodeEncodedWords('=?UTF-8?B?@@@?='), '=?UTF-8?B?@@@?=');
  assert.equal(decodeEncodedWords('=?UTF-8?Q?=ZZ?='), '=?UTF-8?Q?=ZZ?=');
  assert.equal(decodeEncodedWords('=?UTF-8?Q?=FF?='), '=?UTF-8?Q?=FF?=');
  assert.equal(decodeEncodedWords('=?UTF-8?Q?incomplete'), '=?UTF-8?Q?incomplete');
});

test('encodeHeaderText leaves printable ASCII alone and encodes the rest as Q words of ≤ 75 characters', () => {
  assert.equal(encodeHeaderText('Undelivered Mail Returned to Sender'), 'Undelivered Mail Returned to Sender');
  assert.equal(encodeHeaderText('Message non distribué'), '=?UTF-8?Q?Message_non_distribu=C3=A9?=');
  const long = 'é'.repeat(60);
  const encoded = encodeHeaderText(long);
  assert.ok(encoded.split(' ').every((word) => word.length <= 75), encoded);
  assert.equal(decodeEncodedWords(encoded), long);
  assert.equal(decodeEncodedWords(encodeHeaderText('a =?b?= « c » ')), 'a =?b?= « c » ');
});
