// Starts every listener of the trust space together; if one cannot listen (port in use), the
// others are stopped and the error is thrown (the CLI turns EADDRINUSE into exit 78).
import type { RunningHttpServer } from '../web/http-server.ts';

interface Listener {
  start(): Promise<{ readonly host: string; readonly port: number }>;
  stop(): Promise<void>;
}

export interface Listeners<K extends string> {
  readonly addresses: Readonly<Record<K, { readonly host: string; readonly port: number }>>;
  readonly http: { readonly host: string; readonly port: number; readonly baseUrl: string };
  /** Graceful: mail listeners first (transactions in progress finish), then HTTP. */
  stop(): Promise<void>;
}

export async function startAll<K extends string>(mail: Record<K, Listener>, httpListener: { start(): Promise<RunningHttpServer> }): Promise<Listeners<K>> {
  const mailEntries = Object.entries(mail) as [K, Listener][];
  const results = await Promise.allSettled([httpListener.start(), ...mailEntries.map(([, listener]) => listener.start())]);
  const [httpResult, ...mailResults] = results;
  const stopMail = () => Promise.all(mailEntries.map(([, listener]) => listener.stop())).then(() => undefined);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await stopMail();
    if (httpResult?.status === 'fulfilled') await (httpResult.value as RunningHttpServer).close();
    throw failure.reason;
  }
  const http = (httpResult as PromiseFulfilledResult<RunningHttpServer>).value;
  const addresses = Object.fromEntries(mailEntries.map(([name], i) => [name, (mailResults[i] as PromiseFulfilledResult<{ host: string; port: number }>).value])) as Record<K, { host: string; port: number }>;
  return {
    addresses,
    http: { host: http.host, port: http.port, baseUrl: http.baseUrl },
    async stop() {
      await stopMail();
      await http.close();
    },
  };
}
