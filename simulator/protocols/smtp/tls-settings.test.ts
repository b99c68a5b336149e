import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONF03_TLS12_CIPHERS, conf03Ciphers, tlsServerOptions, type CipherOutsideConf03Error } from './tls-settings.ts';

test('a subset of CONF.03 by IANA code or OpenSSL name, in the given order; anything else is refused', () => {
  assert.equal(conf03Ciphers(['0x009E', '0xc030']), 'DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384');
  assert.equal(conf03Ciphers(['ECDHE-RSA-AES128-SHA256']), 'ECDHE-RSA-AES128-SHA256');
  assert.equal(CONF03_TLS12_CIPHERS.length, 6);
  for (const bad of [['ECDHE-RSA-AES128-SHA'], ['0xC013'], []]) {
    assert.throws(
      () => conf03Ciphers(bad),
      (error: CipherOutsideConf03Error) => error.code === 'MSS_SIM_SMTP_CIPHER_OUTSIDE_CONF03' && error.message.endsWith('choisissez parmi 0xC030, 0xC02F, 0xC028, 0xC027, 0x009F, 0x009E.'),
    );
  }
});

test('server options: TLS 1.2 minimum, 1.3 unless capped, client certificate requested only with a CA', () => {
  const plain = tlsServerOptions({ key: 'k', cert: 'c' });
  assert.deepEqual([plain.minVersion, plain.maxVersion, plain.requestCert, plain.ca], ['TLSv1.2', 'TLSv1.3', undefined, undefined]);
  const capped = tlsServerOptions({ key: 'k', cert: 'c', maxVersion: 'TLSv1.2', ciphers: 'DHE-RSA-AES128-GCM-SHA256', clientCa: 'CA' });
  assert.deepEqual([capped.maxVersion, capped.ciphers, capped.requestCert, capped.rejectUnauthorized, capped.ca], ['TLSv1.2', 'DHE-RSA-AES128-GCM-SHA256', true, false, 'CA']);
});
