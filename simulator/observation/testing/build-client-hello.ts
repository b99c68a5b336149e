// For tests: builds a TLS record holding a ClientHello from chosen parts (RFC 8446 §4.1.2), so
// that parsing can be checked on exact, handcrafted bytes, GREASE and odd encodings included.

export interface HelloParts {
  readonly legacyVersion?: number;
  readonly cipherSuites: readonly number[];
  /** Extensions as [type, data], in order. */
  readonly extensions?: ReadonlyArray<readonly [number, Buffer]>;
  /** Omit the extensions block altogether (pre-TLS 1.2 clients). */
  readonly noExtensions?: boolean;
}

export function u16(value: number): Buffer {
  return Buffer.from([(value >> 8) & 0xff, value & 0xff]);
}

export function vector16(...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([u16(body.length), body]);
}

export function vector8(...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([body.length]), body]);
}

export function codes16(codes: readonly number[]): Buffer {
  return Buffer.concat(codes.map(u16));
}

/** Extension data helpers. */
export const ext = {
  serverName: (host: string) => vector16(Buffer.from([0]), vector16(Buffer.from(host, 'latin1'))),
  groups: (codes: readonly number[]) => vector16(codes16(codes)),
  signatures: (codes: readonly number[]) => vector16(codes16(codes)),
  alpn: (names: readonly string[]) => vector16(...names.map((name) => vector8(Buffer.from(name, 'latin1')))),
  versions: (codes: readonly number[]) => vector8(codes16(codes)),
};

export function clientHelloBody(parts: HelloParts): Buffer {
  const extensions = (parts.extensions ?? []).map(([type, data]) => Buffer.concat([u16(type), vector16(data)]));
  return Buffer.concat([
    u16(parts.legacyVersion ?? 0x0303),
    Buffer.alloc(32, 7), // random
    vector8(Buffer.alloc(32, 9)), // legacy_session_id
    vector16(codes16(parts.cipherSuites)),
    vector8(Buffer.from([0])), // compression: null
    ...(parts.noExtensions ? [] : [vector16(...extensions)]),
  ]);
}

/** A handshake record (type 22) carrying one ClientHello (type 1) with the given body. */
export function clientHelloRecord(body: Buffer): Buffer {
  const handshake = Buffer.concat([Buffer.from([1, (body.length >> 16) & 0xff, (body.length >> 8) & 0xff, body.length & 0xff]), body]);
  return Buffer.concat([Buffer.from([22, 3, 1]), u16(handshake.length), handshake]);
}
