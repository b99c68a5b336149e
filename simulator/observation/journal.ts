// The journal: one transcript per connection (SMTP now, IMAP later), with the client's
// commands, the server's replies and facts such as TLS and AUTH. Bounded in memory: the
// oldest closed connections are dropped first once `maxConnections` is reached, or once all
// transcripts together hold more than `maxLines` lines; each transcript keeps at most
// `maxLinesPerConnection` lines. It is written
// by journal-writer.ts from the observations; it tells nobody anything itself.

export type JournalDirection = 'C' | 'S' | '*';

export interface JournalLine {
  readonly at: Date;
  /** `C` client → server, `S` server → client, `*` a fact (TLS, AUTH, routing). */
  readonly direction: JournalDirection;
  readonly text: string;
}

export interface ConnectionInfo {
  readonly id: string;
  /** Endpoint name, e.g. `submission`, `peer`. */
  readonly endpoint: string;
  readonly remoteAddress: string;
  readonly openedAt: Date;
}

export interface ConnectionTranscript extends ConnectionInfo {
  readonly closedAt?: Date;
  readonly lines: readonly JournalLine[];
}

/**
 * A line as kept: its instant in milliseconds, not a Date. A Date object (96 bytes on the heap)
 * per line was half of what a full journal held: 207,000 of them, 20 MB, in a heap snapshot of a
 * simulator left running under load. `transcript()` gives each line its Date back.
 */
interface KeptLine {
  readonly atMs: number;
  readonly direction: JournalDirection;
  readonly text: string;
}

interface MutableTranscript extends ConnectionInfo {
  closedAt?: Date;
  lines: KeptLine[];
}

/** Lines kept by all transcripts together (about 100 bytes each, text included) before the oldest closed connections go. */
export const DEFAULT_MAX_JOURNAL_LINES = 200_000;

export interface JournalOptions {
  readonly maxConnections?: number;
  /** Lines kept by all transcripts together; past it the oldest closed connections are dropped. */
  readonly maxLines?: number;
  /** Lines kept per connection; later lines are counted, not kept. */
  readonly maxLinesPerConnection?: number;
  readonly now?: () => Date;
}

export class Journal {
  readonly #connections = new Map<string, MutableTranscript>();
  readonly #maxConnections: number;
  readonly #maxLines: number;
  readonly #maxTotalLines: number;
  readonly #now: () => Date;
  #totalLines = 0;
  /** False once a pass found nothing closed to drop: no new pass per line until a connection closes. */
  #mayEvict = true;

  constructor(options: JournalOptions = {}) {
    this.#maxConnections = options.maxConnections ?? 5000;
    this.#maxLines = options.maxLinesPerConnection ?? 2000;
    this.#maxTotalLines = options.maxLines ?? DEFAULT_MAX_JOURNAL_LINES;
    this.#now = options.now ?? (() => new Date());
  }

  open(info: Omit<ConnectionInfo, 'openedAt'>): void {
    this.#connections.set(info.id, { ...info, openedAt: this.#now(), lines: [] });
    this.#evict();
  }

  /** `at`: when it happened (the observation's date), else now. */
  record(connectionId: string, direction: JournalDirection, text: string, at?: Date): void {
    const transcript = this.#connections.get(connectionId);
    if (!transcript) return;
    if (transcript.lines.length < this.#maxLines) {
      transcript.lines.push({ atMs: (at ?? this.#now()).getTime(), direction, text });
    } else if (transcript.lines.length === this.#maxLines) {
      transcript.lines.push({ atMs: (at ?? this.#now()).getTime(), direction: '*', text: `(journal: lignes suivantes non conservées, limite ${this.#maxLines})` });
    } else {
      return;
    }
    this.#totalLines += 1;
    if (this.#totalLines > this.#maxTotalLines && this.#mayEvict) this.#evict();
  }

  close(connectionId: string): void {
    const transcript = this.#connections.get(connectionId);
    if (transcript && !transcript.closedAt) {
      transcript.closedAt = this.#now();
      this.#mayEvict = true;
      this.#evict();
    }
  }

  transcript(connectionId: string): ConnectionTranscript | undefined {
    const transcript = this.#connections.get(connectionId);
    return transcript ? { ...transcript, lines: transcript.lines.map(({ atMs, direction, text }) => ({ at: new Date(atMs), direction, text })) } : undefined;
  }

  /** Connections in opening order, newest last. */
  connections(): ConnectionInfo[] {
    return [...this.#connections.values()].map(({ id, endpoint, remoteAddress, openedAt }) => ({ id, endpoint, remoteAddress, openedAt }));
  }

  /** A transcript as text, one `C:`/`S:`/`*:` line each, for reports and evidence. */
  format(connectionId: string): string {
    const transcript = this.#connections.get(connectionId);
    if (!transcript) return '';
    return transcript.lines.map((line) => `${new Date(line.atMs).toISOString()} ${line.direction}: ${line.text}`).join('\n');
  }

  clear(): void {
    this.#connections.clear();
    this.#totalLines = 0;
  }

  /** Lines held by all transcripts together. */
  get lineCount(): number {
    return this.#totalLines;
  }

  /** Drops the oldest closed connections while over a bound; open ones stay (their own limit holds). */
  #evict(): void {
    const over = () => this.#connections.size > this.#maxConnections || this.#totalLines > this.#maxTotalLines;
    if (!over()) return;
    for (const [id, transcript] of this.#connections) {
      if (!over()) return;
      if (!transcript.closedAt) continue;
      this.#connections.delete(id);
      this.#totalLines -= transcript.lines.length;
    }
    this.#mayEvict = !over();
  }
}
