// For wire tests: keeps every TLS observation of an observation source (ClientHello, session,
// failure), in order, and lets a test wait (bounded) for the first one of a kind.
import type { ClientHelloFacts, ClientHelloReading } from '../client-hello.ts';
import type { ObservationSource } from '../observation-bus.ts';
import type { TlsEstablished, TlsFailure } from '../tls-observer.ts';

export type TlsEvent =
  | { readonly kind: 'client-hello'; readonly connectionId: string; readonly reading: ClientHelloReading }
  | { readonly kind: 'established'; readonly connectionId: string; readonly session: TlsEstablished }
  | { readonly kind: 'failure'; readonly connectionId: string; readonly failure: TlsFailure };

export class TlsRecorder {
  readonly events: TlsEvent[] = [];
  readonly #waiters = new Set<() => void>();

  /** Records the TLS observations of `source` from now on; returns this recorder. */
  attach(source: ObservationSource): this {
    source.on('tls-client-hello', ({ connectionId, offer }) => this.#push({ kind: 'client-hello', connectionId, reading: offer }));
    source.on('tls-established', ({ type: _type, seq: _seq, at: _at, connectionId, ...session }) => this.#push({ kind: 'established', connectionId, session }));
    source.on('tls-failed', ({ type: _type, seq: _seq, at: _at, connectionId, ...failure }) => this.#push({ kind: 'failure', connectionId, failure }));
    return this;
  }

  /** The first event of that kind, waiting at most `timeoutMs` for it. */
  async next<K extends TlsEvent['kind']>(kind: K, timeoutMs = 5000): Promise<Extract<TlsEvent, { kind: K }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((event): event is Extract<TlsEvent, { kind: K }> => event.kind === kind);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${kind} event within ${timeoutMs} ms; seen: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, left);
        function wake() {
          clearTimeout(timer);
          resolve();
        }
        this.#waiters.add(wake);
      });
    }
  }

  /** The facts of the first ClientHello event, failing when the reading was not a ClientHello. */
  async clientHello(timeoutMs?: number): Promise<{ connectionId: string; facts: ClientHelloFacts }> {
    const event = await this.next('client-hello', timeoutMs);
    if (event.reading.kind !== 'client-hello') throw new Error(`not a ClientHello: ${JSON.stringify(event.reading)}`);
    return { connectionId: event.connectionId, facts: event.reading.facts };
  }

  #push(event: TlsEvent): void {
    this.events.push(event);
    for (const wake of [...this.#waiters]) wake();
    this.#waiters.clear();
  }
}
