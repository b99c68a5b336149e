// Reading a ClientHello: handcrafted records (exact fields, GREASE, truncation, hostile bytes)
// and real ones captured from openssl s_client and Node's tls.connect on a raw TCP listener.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import tls from 'node:tls';
import { firstRecordLength, readClientHello, type ClientHelloFacts, type ClientHelloReading } from './client-hello.ts';
import { clientHelloBody, clientHelloRecord, ext } from './testing/build-client-hello.ts';
import { captureFirstRecord } from './testing/capture-first-record.ts';
import { opensslClient } from './testing/openssl-client.ts';

function factsOf(reading: ClientHelloReading): ClientHelloFacts {
  assert.equal(reading.kind, 'client-hello', JSON.stringify(reading));
  return (reading as { facts: ClientHelloFacts }).facts;
}

const HANDCRAFTED = clientHelloRecord(
  clientHelloBody({
    cipherSuites: [0x3a3a, 0x1302, 0xc030, 0x009e, 0xbeef],
    extensions: [
      [0x0a0a, Buffer.alloc(0)],
      [0, ext.serverName('smtp.operateur-a.test')],
      [10, ext.groups([0x2a2a, 0x11ec, 0x001d, 0x0017, 0x0018])],
      [13, ext.signatures([0x0804, 0x0403, 0x9999])],
      [16, ext.alpn(['imap', 'smtp'])],
      [43, ext.versions([0x4a4a, 0x0304, 0x0303])],
    ],
  }),
);

describe('readClientHello on handcrafted records', () => {
  it('reads every offered field, in order, without GREASE', () => {
    assert.deepEqual(factsOf(readClientHello(HANDCRAFTED)), {
      legacyVersion: 'TLS 1.2',
      supportedVersions: ['TLS 1.3', 'TLS 1.2'],
      cipherSuites: [
        { code: 0x1302, name: 'TLS_AES_256_GCM_SHA384' },
        { code: 0xc030, name: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' },
        { code: 0x009e, name: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256' },
        { code: 0xbeef },
      ],
      groups: ['X25519MLKEM768', 'x25519', 'secp256r1', 'secp384r1'],
      sni: 'smtp.operateur-a.test',
      alpn: ['imap', 'smtp'],
      signatureAlgorithms: ['rsa_pss_rsae_sha256', 'ecdsa_secp256r1_sha256', '0x9999'],
      extensionTypes: [0, 10, 13, 16, 43],
      grease: true,
    });
  });

  it('takes the versions from legacy_version without supported_versions, and tolerates no extensions', () => {
    const facts = factsOf(readClientHello(clientHelloRecord(clientHelloBody({ legacyVersion: 0x0301, cipherSuites: [0x002f], noExtensions: true }))));
    assert.deepEqual([facts.legacyVersion, facts.supportedVersions, facts.groups, facts.alpn, facts.sni, facts.signatureAlgorithms], ['TLS 1.0', ['TLS 1.0'], [], [], undefined, undefined]);
  });

  it('ignores bytes after the first record', () => {
    assert.equal(readClientHello(Buffer.concat([HANDCRAFTED, Buffer.from('garbage')])).kind, 'client-hello');
  });

  it('says truncated for every proper prefix, with the expected size once the header is there', () => {
    for (let length = 0; length < HANDCRAFTED.length; length++) {
      const reading = readClientHello(HANDCRAFTED.subarray(0, length));
      assert.equal(reading.kind, 'truncated', `prefix of ${length} bytes`);
      assert.deepEqual(reading, length >= 5 ? { kind: 'truncated', receivedBytes: length, expectedBytes: HANDCRAFTED.length } : { kind: 'truncated', receivedBytes: length });
    }
  });

  it('says truncated when the handshake message goes on in a next record', () => {
    const cut = Buffer.from(HANDCRAFTED.subarray(0, 60));
    cut.writeUInt16BE(55, 3);
    assert.deepEqual(readClientHello(cut), { kind: 'truncated', receivedBytes: 60, expectedBytes: HANDCRAFTED.length });
  });

  it('says not a ClientHello for plaintext after STARTTLS, with a printable preview', () => {
    assert.deepEqual(readClientHello(Buffer.from('EHLO client.test\r\n')), { kind: 'not-client-hello', reason: 'not-a-tls-handshake-record', preview: 'EHLO client.test\\x0d\\x0a' });
    assert.deepEqual(firstRecordLength(Buffer.from('E')), 1);
  });

  it('names the other ways not to be a ClientHello', () => {
    const serverHello = Buffer.from(HANDCRAFTED);
    serverHello[5] = 2;
    assert.equal(reasonOf(serverHello), 'not-a-client-hello');
    assert.equal(reasonOf(Buffer.from([22, 3, 1, 0x40, 0x01])), 'record-too-long');
    assert.equal(reasonOf(Buffer.from([22, 2, 0, 0, 0])), 'not-a-tls-handshake-record');
    const badSession = Buffer.from(HANDCRAFTED);
    badSession[9 + 34] = 33; // legacy_session_id longer than 32
    assert.equal(reasonOf(badSession), 'malformed');
  });

  it('never throws on random or mutated bytes', () => {
    for (let round = 0; round < 2000; round++) {
      const mutated = Buffer.from(HANDCRAFTED);
      for (let flips = 0; flips < 1 + (round % 4); flips++) mutated[(round * 7919 + flips * 104_729) % mutated.length] = randomBytes(1)[0] ?? 0;
      assert.ok(['client-hello', 'not-client-hello', 'truncated'].includes(readClientHello(mutated).kind));
      const random = Buffer.concat([Buffer.from([22, 3, 3]), randomBytes(round % 300)]);
      assert.ok(['client-hello', 'not-client-hello', 'truncated'].includes(readClientHello(random).kind));
    }
  });
});

function reasonOf(bytes: Buffer): string | undefined {
  const reading = readClientHello(bytes);
  return reading.kind === 'not-client-hello' ? reading.reason : reading.kind;
}

describe('readClientHello on captured ClientHellos', () => {
  it('reads what openssl s_client offers for TLS 1.2 with one suite', async () => {
    const capture = await captureFirstRecord();
    const run = opensslClient(capture.port, ['-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256', '-servername', 'x.test', '-alpn', 'foo,bar', '-groups', 'P-256:P-384']);
    const facts = factsOf(readClientHello(await capture.firstRecord));
    await run;
    await capture.close();
    assert.deepEqual([facts.legacyVersion, facts.supportedVersions, facts.sni, facts.alpn, facts.groups], ['TLS 1.2', ['TLS 1.2'], 'x.test', ['foo', 'bar'], ['secp256r1', 'secp384r1']]);
    assert.deepEqual(facts.cipherSuites, [
      { code: 0xc02f, name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' },
      { code: 0x00ff, name: 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV' },
    ]);
  });

  it('reads what Node tls.connect offers', async () => {
    const capture = await captureFirstRecord();
    const client = tls.connect({ port: capture.port, host: '127.0.0.1', servername: 'imap.operateur-a.test', ALPNProtocols: ['imap'], minVersion: 'TLSv1.2', ecdhCurve: 'X25519:P-256' });
    client.on('error', () => undefined);
    const facts = factsOf(readClientHello(await capture.firstRecord));
    client.destroy();
    await capture.close();
    assert.deepEqual([facts.supportedVersions, facts.sni, facts.alpn, facts.groups], [['TLS 1.3', 'TLS 1.2'], 'imap.operateur-a.test', ['imap'], ['x25519', 'secp256r1']]);
    assert.deepEqual(facts.cipherSuites.slice(0, 3).map((suite) => suite.name), ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256']);
  });
});
