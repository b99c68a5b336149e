// What the IMAP server serves about a stored message, computed once and cached per message:
// the bytes with CRLF line endings (RFC 3501 §2.3.4 RFC822.SIZE counts what FETCH sends), the
// top-level header, the MIME tree, and the encoded ENVELOPE and BODY/BODYSTRUCTURE. The cache
// is keyed by the StoredMessage object, so it goes with the message when the store is cleared.
import type { StoredMessage } from '../../../services/store/stored-message.ts';
import { headerBlockLength, parseMimeTree, type MimeNode, readRawHeader, type RawHeaderField } from '../../mime/message-reader.ts';
import { WireBuilder, type WireChunk } from '../protocol/wire-builder.ts';
import { writeBodyStructure } from './body-structure.ts';
import { writeEnvelope } from './envelope.ts';

export class MessageFacts {
  readonly raw: Buffer;
  #header: RawHeaderField[] | undefined;
  #tree: MimeNode | undefined;
  #envelope: WireChunk[] | undefined;
  #body: WireChunk[] | undefined;
  #bodyStructure: WireChunk[] | undefined;

  constructor(raw: Buffer) {
    this.raw = withCrlf(raw);
  }

  get size(): number {
    return this.raw.length;
  }

  /** Top-level header fields (without parsing the MIME structure). */
  get header(): readonly RawHeaderField[] {
    this.#header ??= this.#tree ? [...this.#tree.fields] : readRawHeader(this.raw, 0, headerBlockLength(this.raw));
    return this.#header;
  }

  get tree(): MimeNode {
    this.#tree ??= parseMimeTree(this.raw);
    return this.#tree;
  }

  get envelope(): readonly WireChunk[] {
    if (!this.#envelope) {
      const out = new WireBuilder();
      writeEnvelope(this.header, out);
      this.#envelope = out.finish();
    }
    return this.#envelope;
  }

  bodyStructure(extensible: boolean): readonly WireChunk[] {
    const cached = extensible ? this.#bodyStructure : this.#body;
    if (cached) return cached;
    const out = new WireBuilder();
    writeBodyStructure(this.tree, extensible, out);
    const chunks = out.finish();
    if (extensible) this.#bodyStructure = chunks;
    else this.#body = chunks;
    return chunks;
  }
}

const cache = new WeakMap<StoredMessage, MessageFacts>();

export function messageFacts(message: StoredMessage): MessageFacts {
  let facts = cache.get(message);
  if (!facts) {
    facts = new MessageFacts(message.raw);
    cache.set(message, facts);
  }
  return facts;
}

/** The bytes unchanged when every LF is already preceded by CR; otherwise a CRLF copy. */
export function withCrlf(raw: Buffer): Buffer {
  let position = raw.indexOf(0x0a);
  while (position !== -1) {
    if (position === 0 || raw[position - 1] !== 0x0d) return Buffer.from(raw.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
    position = raw.indexOf(0x0a, position + 1);
  }
  return raw;
}
