// Starts the control API of a trust space on 127.0.0.1:0 and calls it with fetch, for tests.
import { controlApiRoutes, type ControlApiOptions } from '../control-api.ts';
import { startHttpServer, type RunningHttpServer } from '../http-server.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON when the answer is JSON, else undefined. */
  readonly body: any;
}

export interface ApiHarness {
  readonly server: RunningHttpServer;
  readonly logged: string[];
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  close(): Promise<void>;
}

export async function startApi(space: RunningTrustSpace, options: ControlApiOptions = {}): Promise<ApiHarness> {
  const logged: string[] = [];
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: controlApiRoutes(space, options), log: (line) => logged.push(line) });
  return {
    server,
    logged,
    call: (method, path, body, headers = {}) => call(server.baseUrl, method, path, body, headers),
    close: () => server.close(),
  };
}

export async function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    if (!('content-type' in headers)) (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await fetch(baseUrl + path, init);
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: response.status, headers: response.headers, text, body: isJson && text ? JSON.parse(text) : undefined };
}
