// The contract between the HTTP server and the handlers it routes to: a route is a method, a
// path pattern with `{param}` segments, and a handler that turns a request into a response.
import type { IncomingHttpHeaders } from 'node:http';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestContext {
  readonly method: HttpMethod;
  /** Path as received (still percent-encoded). */
  readonly path: string;
  /** Values of the `{param}` segments, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Raw request body, at most the server's body limit; empty when none was sent. */
  readonly body: Buffer;
}

export interface HttpResponse {
  readonly status: number;
  /** Serialised as `application/json; charset=utf-8` unless `bytes` or `text` is given. */
  readonly json?: unknown;
  readonly text?: string;
  readonly bytes?: Buffer;
  /** Bytes held as a one-byte string, one character per byte (`buffer.toString('latin1')`): kept in the V8 heap rather than in a buffer. */
  readonly latin1?: string;
  /** Content-Type for `text`, `bytes` or `latin1`. */
  readonly contentType?: string;
  /** Extra headers; they override the server's defaults (e.g. a page's own CSP). */
  readonly headers?: Readonly<Record<string, string>>;
}

export type RouteHandler = (context: RequestContext) => HttpResponse | Promise<HttpResponse>;

export interface Route {
  readonly method: HttpMethod;
  /** `/api/messages/{id}/raw`: literal segments and whole-segment `{param}`s. */
  readonly path: string;
  readonly handler: RouteHandler;
}
