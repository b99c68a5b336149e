// The JSON bytes of FHIR search answers, shared by the msw handlers (in-process clients) and the
// direct route of the simulator's HTTP port (direct-search.ts), kept per query for the current
// directory index. A trust-space change makes a new view, hence a new index: the kept answers
// are then dropped whole. The query is kept with its parameters in request order (the paging
// links repeat them in that order), its encoding normalised; bounded in bytes, oldest dropped.
// Answers are held as one-byte strings, not buffers (latin1-bytes.ts says why).
import type { DirectoryIndex } from './directory-index.ts';
import { searchsetLatin1 } from './fhir-json.ts';
import type { ResourceType } from './fhir-vocabulary.ts';
import { parseSearch } from './parse-search.ts';

/** Bytes of answers kept at most (a mailbox-mss:contains page of 50 is about 45 KiB). */
export const MAX_KEPT_BYTES = 256 * 1024 * 1024;

export class SearchAnswers {
  #index: DirectoryIndex | undefined;
  /** Answers as one-byte strings (fhir-json.ts says why), by query. */
  readonly #kept = new Map<string, string>();
  #bytes = 0;

  constructor(private readonly maxBytes = MAX_KEPT_BYTES) {}

  /** The searchset bundle as JSON bytes; throws the DirectoryRequestError of a bad search. */
  json(index: DirectoryIndex, type: ResourceType, parameters: URLSearchParams, base: string, empty: boolean): Buffer {
    return Buffer.from(this.latin1(index, type, parameters, base, empty), 'latin1');
  }

  /** The same bytes as a one-byte string (one character per byte), as kept. */
  latin1(index: DirectoryIndex, type: ResourceType, parameters: URLSearchParams, base: string, empty: boolean): string {
    if (index !== this.#index) this.#drop(index);
    const key = `${empty ? 'vide' : ''}|${base}/${type}?${parameters.toString()}`;
    const kept = this.#kept.get(key);
    if (kept !== undefined) return kept;
    const bytes = searchsetLatin1(index, parseSearch(type, parameters), base, empty);
    this.#keep(key, bytes);
    return bytes;
  }

  get size(): number {
    return this.#kept.size;
  }

  #keep(key: string, bytes: string): void {
    if (bytes.length > this.maxBytes) return;
    for (const [oldest, old] of this.#kept) {
      if (this.#bytes + bytes.length <= this.maxBytes) break;
      this.#kept.delete(oldest);
      this.#bytes -= old.length;
    }
    this.#kept.set(key, bytes);
    this.#bytes += bytes.length;
  }

  #drop(index: DirectoryIndex): void {
    this.#index = index;
    this.#kept.clear();
    this.#bytes = 0;
  }
}
