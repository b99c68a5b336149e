// The reference of `npm run bench:directory`: a bare Node `http` server that answers each path
// with the bytes the simulated directory gave for it (asked once, on the first request for that
// path, then kept), so that a warmed-up pass measures only Node's HTTP cost for the same answers.
import { createServer, type Server } from 'node:http';

export interface BareReplay {
  readonly port: number;
  close(): Promise<void>;
}

interface Recorded {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

export async function startBareReplay(host: string, answer: (path: string) => Promise<Recorded>): Promise<BareReplay> {
  const recorded = new Map<string, Recorded>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    const known = recorded.get(path);
    const send = (r: Recorded) => response.writeHead(r.status, { 'Content-Type': r.contentType, 'Content-Length': r.body.length }).end(r.body);
    if (known) return void send(known);
    void answer(path).then((r) => {
      recorded.set(path, r);
      send(r);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
