// The usual stored copy, one per message received over SMTP and mailbox it reached, kept
// compact because there may be tens of thousands of them (bench/memory-bench.ts): its bytes as
// a place in a shared buffer (byte-slabs.ts) rather than a Buffer object, its reception instant
// as a number rather than a Date, and no header index of its own once it is no longer recent:
// the index is read again from its bytes when asked (`releaseIndex`, called by the store). Every
// read gives the values a plain copy would hold: `raw` a view on the same bytes, `receivedAt` a
// Date of the same instant, `index` equal to the index given at delivery (the index of the bytes
// as received, shifted by the `Return-Path` and `Received` lines). `raw`, `index` and
// `receivedAt` are getters of the prototype: a spread or `Object.keys` of the copy leaves them out.
import { indexMessage, type MessageIndex } from '../../protocols/mime/message-index.ts';
import type { Envelope, Ingress, MailFolder, MessageKind, StoredMessage } from './stored-message.ts';

/** `raw`: the delivered bytes (`Return-Path` and `Received` lines, then the bytes as received, from `prefix` on); `index`: their index as delivery computed it. */
export type DeliveredCopyFields = Pick<StoredMessage, 'mailbox' | 'kind' | 'envelope' | 'raw' | 'index' | 'receivedAt' | 'ingress' | 'id'> & { readonly connectionId: string; readonly prefix: number };

export class DeliveredCopy implements StoredMessage {
  readonly mailbox: string;
  readonly kind: MessageKind;
  readonly envelope: Envelope;
  readonly ingress: Ingress;
  readonly connectionId: string;
  readonly folder: MailFolder = 'INBOX';
  readonly id: string;
  readonly #bytes: ArrayBufferLike;
  readonly #offset: number;
  readonly #length: number;
  /** Length of the trace lines in front of the bytes as received. */
  readonly #prefix: number;
  readonly #receivedAt: number;
  /** The Message-ID of the index (the store's key for it), kept to leave that index on eviction. */
  readonly #messageId: string | undefined;
  #index: MessageIndex | undefined;

  constructor(fields: DeliveredCopyFields) {
    this.mailbox = fields.mailbox;
    this.kind = fields.kind;
    this.envelope = fields.envelope;
    this.ingress = fields.ingress;
    this.connectionId = fields.connectionId;
    this.id = fields.id;
    this.#bytes = fields.raw.buffer;
    this.#offset = fields.raw.byteOffset;
    this.#length = fields.raw.length;
    this.#prefix = fields.prefix;
    this.#receivedAt = fields.receivedAt.getTime();
    this.#messageId = fields.index.messageId;
    this.#index = fields.index;
  }

  /** A view on the delivered bytes (a new Buffer object on each read, the same bytes). */
  get raw(): Buffer {
    return Buffer.from(this.#bytes, this.#offset, this.#length);
  }

  get receivedAt(): Date {
    return new Date(this.#receivedAt);
  }

  /** While recent, the index given at delivery; later, the same values read again from the bytes. */
  get index(): MessageIndex {
    if (this.#index !== undefined) return this.#index;
    const prefix = this.#prefix;
    const received = indexMessage(Buffer.from(this.#bytes, this.#offset + prefix, this.#length - prefix));
    return { ...received, headerBytes: received.headerBytes + prefix };
  }

  get messageId(): string | undefined {
    return this.#messageId;
  }

  /** Forgets the index given at delivery: later reads parse the header block again. */
  releaseIndex(): void {
    this.#index = undefined;
  }

  /** Whether `bytes` are this copy's delivered bytes (the same place in the same buffer). */
  holds(bytes: Buffer): boolean {
    return bytes.buffer === this.#bytes && bytes.byteOffset === this.#offset && bytes.length === this.#length;
  }
}
