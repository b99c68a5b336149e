// What a client offers in its TLS ClientHello, read from the first bytes it sends once TLS is
// due (after a STARTTLS reply, or from the first byte on implicit TLS): versions, cipher suites,
// groups, SNI, ALPN and signature schemes (RFC 8446 §4.1.2, §4.2; RFC 5246 §7.4.1.2; RFC 6066
// §3; RFC 7301 §3.1), so that SC.MSS/CONF.01 to CONF.03 can be judged on what the client
// proposed, not only on what was negotiated. Input is hostile: every read is bounds-checked,
// nothing throws, and what is not a ClientHello (plaintext after STARTTLS, a record cut short)
// is an explicit result. Pure: no I/O.
import { ByteReader } from './byte-reader.ts';
import { cipherSuiteName, groupName, isGrease, signatureSchemeName, versionName } from './tls-names.ts';

/** RFC 8446 §5.1: a record carries at most 2^14 bytes, after its 5-byte header. */
export const TLS_RECORD_HEADER_BYTES = 5;
export const MAX_TLS_RECORD_BYTES = TLS_RECORD_HEADER_BYTES + 16_384;
const HANDSHAKE_RECORD = 22;
const CLIENT_HELLO = 1;

export interface OfferedCipherSuite {
  readonly code: number;
  /** IANA name, when known (tls-names.ts). */
  readonly name?: string;
}

export interface ClientHelloFacts {
  /** `TLS 1.2` style name of legacy_version. */
  readonly legacyVersion: string;
  /** From supported_versions (extension 43) when present, else the legacy version alone; GREASE left out. */
  readonly supportedVersions: readonly string[];
  /** In the client's order of preference; GREASE left out. */
  readonly cipherSuites: readonly OfferedCipherSuite[];
  /** supported_groups (extension 10); GREASE left out. */
  readonly groups: readonly string[];
  /** server_name (extension 0), host_name entry. */
  readonly sni?: string;
  /** application_layer_protocol_negotiation (extension 16). */
  readonly alpn: readonly string[];
  /** signature_algorithms (extension 13), when sent. */
  readonly signatureAlgorithms?: readonly string[];
  /** Extension types in the client's order; GREASE left out. */
  readonly extensionTypes: readonly number[];
  /** The client sent GREASE values (RFC 8701) somewhere. */
  readonly grease: boolean;
}

export type NotClientHelloReason = 'not-a-tls-handshake-record' | 'record-too-long' | 'not-a-client-hello' | 'malformed';

export type ClientHelloReading =
  | { readonly kind: 'client-hello'; readonly facts: ClientHelloFacts }
  /** `preview`: the first bytes, printable ASCII with `\xNN` escapes (e.g. `EHLO x\x0d\x0a`). */
  | { readonly kind: 'not-client-hello'; readonly reason: NotClientHelloReason; readonly preview: string }
  /** The client stopped (closed, or went silent) before the first record was complete. */
  | { readonly kind: 'truncated'; readonly receivedBytes: number; readonly expectedBytes?: number };

/**
 * How many bytes decide the reading of `prefix`: the whole first record when it starts like a
 * TLS handshake record, the bytes at hand when it cannot be one; undefined while too few bytes
 * say which. Never more than MAX_TLS_RECORD_BYTES.
 */
export function firstRecordLength(prefix: Uint8Array): number | undefined {
  if (prefix.length >= 1 && prefix[0] !== HANDSHAKE_RECORD) return prefix.length;
  if (prefix.length >= 2 && prefix[1] !== 3) return prefix.length;
  if (prefix.length < TLS_RECORD_HEADER_BYTES) return undefined;
  const length = ((prefix[3] ?? 0) << 8) | (prefix[4] ?? 0);
  return length > MAX_TLS_RECORD_BYTES - TLS_RECORD_HEADER_BYTES ? TLS_RECORD_HEADER_BYTES : TLS_RECORD_HEADER_BYTES + length;
}

/** Reads the ClientHello in the first TLS record of `bytes`; bytes after that record are ignored. */
export function readClientHello(bytes: Uint8Array): ClientHelloReading {
  const notHello = (reason: NotClientHelloReason): ClientHelloReading => ({ kind: 'not-client-hello', reason, preview: preview(bytes) });
  const needed = firstRecordLength(bytes);
  if (needed === undefined) return { kind: 'truncated', receivedBytes: bytes.length };
  if (bytes[0] !== HANDSHAKE_RECORD || bytes[1] !== 3) return notHello('not-a-tls-handshake-record');
  if (needed === TLS_RECORD_HEADER_BYTES && (bytes[3] !== 0 || bytes[4] !== 0)) return notHello('record-too-long');
  if (bytes.length < needed) return { kind: 'truncated', receivedBytes: bytes.length, expectedBytes: needed };
  const fragment = new ByteReader(bytes.subarray(TLS_RECORD_HEADER_BYTES, needed));
  if (fragment.u8() !== CLIENT_HELLO) return notHello('not-a-client-hello');
  const length = fragment.u24();
  if (length === undefined) return notHello('malformed');
  const body = fragment.take(length);
  if (body === undefined) return { kind: 'truncated', receivedBytes: bytes.length, expectedBytes: needed - fragment.remaining + length };
  const facts = readBody(body);
  return facts ? { kind: 'client-hello', facts } : notHello('malformed');
}

/** RFC 8446 §4.1.2 ClientHello body; undefined when its structure does not hold. */
function readBody(body: ByteReader): ClientHelloFacts | undefined {
  const legacy = body.u16();
  const random = body.take(32);
  const sessionId = body.vector(1);
  const suites = body.vector(2)?.u16List();
  const compression = body.vector(1);
  if (legacy === undefined || !random || !sessionId || sessionId.remaining > 32 || !suites || !compression) return undefined;
  const extensions = body.remaining === 0 ? new Map<number, ByteReader>() : readExtensions(body);
  if (!extensions) return undefined;
  const seen = { grease: isGrease(legacy) || suites.some(isGrease) };
  const versionCodes = extensions.has(43) ? extensions.get(43)?.vector(1)?.u16List() : [legacy];
  const groups = listOf(extensions.get(10), groupName, seen);
  const signatures = listOf(extensions.get(13), signatureSchemeName, seen);
  const alpn = extensions.has(16) ? readAlpn(extensions.get(16)) : [];
  const sni = extensions.has(0) ? readServerName(extensions.get(0)) : null;
  if (!versionCodes || groups === undefined || signatures === undefined || alpn === undefined || sni === undefined) return undefined;
  seen.grease ||= versionCodes.some(isGrease) || [...extensions.keys()].some(isGrease);
  return {
    legacyVersion: versionName(legacy),
    supportedVersions: versionCodes.filter((code) => !isGrease(code)).map(versionName),
    cipherSuites: suites.filter((code) => !isGrease(code)).map((code) => withName(code)),
    groups: groups ?? [],
    ...(sni !== null ? { sni } : {}),
    alpn,
    ...(signatures !== null ? { signatureAlgorithms: signatures } : {}),
    extensionTypes: [...extensions.keys()].filter((type) => !isGrease(type)),
    grease: seen.grease,
  };
}

function withName(code: number): OfferedCipherSuite {
  const name = cipherSuiteName(code);
  return name === undefined ? { code } : { code, name };
}

/** Extensions by type, in order; the first of duplicated types wins (a server must refuse them anyway). */
function readExtensions(body: ByteReader): Map<number, ByteReader> | undefined {
  const all = body.vector(2);
  if (!all || body.remaining !== 0) return undefined;
  const extensions = new Map<number, ByteReader>();
  while (all.remaining > 0) {
    const type = all.u16();
    const data = all.vector(2);
    if (type === undefined || !data) return undefined;
    if (!extensions.has(type)) extensions.set(type, data);
  }
  return extensions;
}

/** A 2-byte-prefixed list of 16-bit code points, named; null when absent, undefined when malformed. */
function listOf(data: ByteReader | undefined, name: (code: number) => string, seen: { grease: boolean }): string[] | null | undefined {
  if (!data) return null;
  const codes = data.vector(2)?.u16List();
  if (!codes) return undefined;
  seen.grease ||= codes.some(isGrease);
  return codes.filter((code) => !isGrease(code)).map(name);
}

/** RFC 7301 §3.1: ProtocolName protocol_name_list<2..2^16-1>, each <1..2^8-1>. */
function readAlpn(data: ByteReader | undefined): string[] | undefined {
  const list = data?.vector(2);
  if (!list) return undefined;
  const names: string[] = [];
  while (list.remaining > 0) {
    const name = list.vector(1);
    if (!name) return undefined;
    names.push(name.printable());
  }
  return names;
}

/** RFC 6066 §3: the host_name entry (type 0) of server_name_list; null when there is none. */
function readServerName(data: ByteReader | undefined): string | null | undefined {
  const list = data?.vector(2);
  if (!list) return data?.remaining === 0 ? null : undefined; // an empty extension is the server's echo form
  while (list.remaining > 0) {
    const type = list.u8();
    const name = list.vector(2);
    if (type === undefined || !name) return undefined;
    if (type === 0) return name.printable();
  }
  return null;
}

function preview(bytes: Uint8Array): string {
  return new ByteReader(bytes.subarray(0, 32)).printable();
}
