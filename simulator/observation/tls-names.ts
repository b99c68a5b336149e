// Names of the TLS code points a ClientHello carries (client-hello.ts): protocol versions,
// cipher suites, named groups and signature schemes, as the IANA TLS registries spell them
// (RFC 8446 §4.2.7, §4.2.3, §B.4; RFC 5246 §A.5; RFC 7919; RFC 8701 for GREASE), limited to
// what real clients send and what SC.MSS/CONF.01 to CONF.03 judge. Unknown code points keep
// their hexadecimal form (`0x1234`), so nothing a client offers is lost. Pure.

/** RFC 8701: 0x0A0A, 0x1A1A … 0xFAFA, reserved so that servers learn to ignore unknown values. */
export function isGrease(code: number): boolean {
  return (code & 0x0f0f) === 0x0a0a && code >> 8 === (code & 0xff);
}

export function hex16(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

const VERSIONS: Readonly<Record<number, string>> = {
  0x0300: 'SSL 3.0',
  0x0301: 'TLS 1.0',
  0x0302: 'TLS 1.1',
  0x0303: 'TLS 1.2',
  0x0304: 'TLS 1.3',
};

/** `TLS 1.2` style name, or the hexadecimal code. */
export function versionName(code: number): string {
  return VERSIONS[code] ?? hex16(code);
}

/** IANA names; the six TLS 1.2 suites of SC.MSS/CONF.03 are 0xC030, 0xC02F, 0xC028, 0xC027, 0x009F, 0x009E. */
const CIPHER_SUITES: Readonly<Record<number, string>> = {
  0x1301: 'TLS_AES_128_GCM_SHA256',
  0x1302: 'TLS_AES_256_GCM_SHA384',
  0x1303: 'TLS_CHACHA20_POLY1305_SHA256',
  0x1304: 'TLS_AES_128_CCM_SHA256',
  0x1305: 'TLS_AES_128_CCM_8_SHA256',
  0xc030: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  0xc02f: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  0xc028: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384',
  0xc027: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256',
  0x009f: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  0x009e: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  0xc02c: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  0xc02b: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  0xc024: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384',
  0xc023: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256',
  0xcca8: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  0xcca9: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  0xccaa: 'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  0xc014: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  0xc013: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  0xc00a: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  0xc009: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  0x006b: 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA256',
  0x0067: 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
  0x0039: 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  0x0033: 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  0x009d: 'TLS_RSA_WITH_AES_256_GCM_SHA384',
  0x009c: 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  0x003d: 'TLS_RSA_WITH_AES_256_CBC_SHA256',
  0x003c: 'TLS_RSA_WITH_AES_128_CBC_SHA256',
  0x0035: 'TLS_RSA_WITH_AES_256_CBC_SHA',
  0x002f: 'TLS_RSA_WITH_AES_128_CBC_SHA',
  0x000a: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  0x0005: 'TLS_RSA_WITH_RC4_128_SHA',
  0x0004: 'TLS_RSA_WITH_RC4_128_MD5',
  0x00ff: 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV',
  0x5600: 'TLS_FALLBACK_SCSV',
};

export function cipherSuiteName(code: number): string | undefined {
  return CIPHER_SUITES[code];
}

const GROUPS: Readonly<Record<number, string>> = {
  0x0017: 'secp256r1',
  0x0018: 'secp384r1',
  0x0019: 'secp521r1',
  0x001d: 'x25519',
  0x001e: 'x448',
  0x0016: 'secp256k1',
  0x001a: 'brainpoolP256r1',
  0x001b: 'brainpoolP384r1',
  0x001c: 'brainpoolP512r1',
  0x0100: 'ffdhe2048',
  0x0101: 'ffdhe3072',
  0x0102: 'ffdhe4096',
  0x0103: 'ffdhe6144',
  0x0104: 'ffdhe8192',
  0x11eb: 'SecP256r1MLKEM768',
  0x11ec: 'X25519MLKEM768',
  0x11ed: 'SecP384r1MLKEM1024',
  0x6399: 'X25519Kyber768Draft00',
};

export function groupName(code: number): string {
  return GROUPS[code] ?? hex16(code);
}

const SIGNATURE_SCHEMES: Readonly<Record<number, string>> = {
  0x0401: 'rsa_pkcs1_sha256',
  0x0501: 'rsa_pkcs1_sha384',
  0x0601: 'rsa_pkcs1_sha512',
  0x0403: 'ecdsa_secp256r1_sha256',
  0x0503: 'ecdsa_secp384r1_sha384',
  0x0603: 'ecdsa_secp521r1_sha512',
  0x0804: 'rsa_pss_rsae_sha256',
  0x0805: 'rsa_pss_rsae_sha384',
  0x0806: 'rsa_pss_rsae_sha512',
  0x0807: 'ed25519',
  0x0808: 'ed448',
  0x0809: 'rsa_pss_pss_sha256',
  0x080a: 'rsa_pss_pss_sha384',
  0x080b: 'rsa_pss_pss_sha512',
  0x081a: 'ecdsa_brainpoolP256r1tls13_sha256',
  0x081b: 'ecdsa_brainpoolP384r1tls13_sha384',
  0x081c: 'ecdsa_brainpoolP512r1tls13_sha512',
  0x0201: 'rsa_pkcs1_sha1',
  0x0203: 'ecdsa_sha1',
};

export function signatureSchemeName(code: number): string {
  return SIGNATURE_SCHEMES[code] ?? hex16(code);
}
