import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateActionToken, isLoopbackHost, readCookieValue, resolveActionToken, sameSecret } from './action-token.ts';

test('loopback needs no token unless required; another interface gets the given one or a fresh one', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) assert.equal(resolveActionToken(host, 'ignored'), undefined, host);
  for (const host of ['0.0.0.0', '::', '192.168.1.20']) assert.equal(isLoopbackHost(host), false, host);
  assert.equal(resolveActionToken('0.0.0.0', 'mon-jeton'), 'mon-jeton');
  assert.equal(resolveActionToken('127.0.0.1', 'mon-jeton', true), 'mon-jeton', '--exiger-jeton on loopback');
  const generated = resolveActionToken('0.0.0.0', undefined);
  assert.match(generated ?? '', /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(generated, generateActionToken());
});

test('the read cookie is derived from the token and is not the token', () => {
  assert.equal(readCookieValue('jeton-de-test'), readCookieValue('jeton-de-test'));
  assert.notEqual(readCookieValue('jeton-de-test'), readCookieValue('autre-jeton'));
  assert.notEqual(readCookieValue('jeton-de-test'), 'jeton-de-test');
  assert.equal(sameSecret('abc', 'abc'), true);
  assert.equal(sameSecret('abc', 'abcd'), false);
});
