// A small JSON-over-HTTP server on node:http: `Host` allow-list (host-allow-list.ts), routing
// (route-table.ts), body limit, access check, JSON error answers for every failure (a request the
// HTTP parser refuses included, client-error.ts), security headers on every response, graceful
// close. Handlers never crash the process: an unexpected exception becomes a 500 and its stack
// goes to `log`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { AccessCheck } from './access-check.ts';
import { ApiError } from './api-error.ts';
import { apiErrors } from './api-errors.ts';
import { answerClientError } from './client-error.ts';
import { allowedHostNames, isHostAllowed, requestAuthority } from './host-allow-list.ts';
import { readRequestBody } from './read-request-body.ts';
import type { HttpMethod, HttpResponse, Route } from './route.ts';
import { RouteTable } from './route-table.ts';

export interface HttpServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly routes: readonly Route[];
  /** Receives unexpected handler failures with their stack; default console.error. */
  readonly log?: (message: string) => void;
  /** Request body limit, default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** How long close() waits for requests in progress before cutting them, default 5 s. */
  readonly closeGraceMs?: number;
  /**
   * Asked when no route matches the path (e.g. the msw handlers of the Annuaire Santé,
   * simulator/services/directory): a WHATWG Request in, a Response out, or undefined for our 404.
   */
  readonly fallback?: (request: Request) => Promise<Response | undefined>;
  /**
   * Asked before `fallback`, without building a WHATWG Request: the method (HEAD as GET), the
   * absolute URL as the client reached it and the headers; an answer, or undefined.
   */
  readonly direct?: DirectAnswerer;
  /**
   * Asked once the body of a matched route is read, before the route runs: a refusal to answer
   * with, or undefined (access-check.ts: the token off loopback).
   */
  readonly authorise?: AccessCheck;
  /** Names accepted in `Host` besides loopback and `host` (announced names, --nom-hote). */
  readonly hostNames?: readonly string[];
  /** Bytes a streaming response may hold unsent for a client that does not read; past it the stream is cut. Default 2 MiB. */
  readonly maxStreamBacklogBytes?: number;
  /** Connections open at once; past it a new one is closed at once. Default 1 000, as the SMTP and IMAP endpoints. */
  readonly maxConnections?: number;
  /** A connection with no traffic either way for this long is closed (an event stream's heartbeat is traffic). Default 2 min. */
  readonly idleSocketTimeoutMs?: number;
  /** Asked for a `Host` name (port removed, lower-case) not in the list: names that change at run time. */
  readonly acceptHost?: (name: string) => boolean;
}

/** Where a streaming handler writes (Server-Sent Events): the head is already sent. */
export interface ResponseStream {
  /** Writes a chunk; false when the client is gone (or was cut for not reading: maxStreamBacklogBytes). */
  write(chunk: string): boolean;
  /** Called once when the client disconnects or the server closes the stream. */
  onClose(listener: () => void): void;
  end(): void;
}

/** A response that stays open: the server sends status and headers, then hands the stream over. */
export interface StreamingResponse extends HttpResponse {
  readonly stream: (stream: ResponseStream) => void;
}

function isStreaming(response: HttpResponse): response is StreamingResponse {
  return typeof (response as Partial<StreamingResponse>).stream === 'function';
}

export interface RunningHttpServer {
  readonly host: string;
  readonly port: number;
  readonly baseUrl: string;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/**
 * What an event stream may hold in memory for a client that stops reading (a frozen tab, a stalled
 * proxy): without a bound each such stream kept every event, about 12 MB per 40 000 events.
 * Past it the stream is cut; the browser reconnects by itself (`retry`) and the page reloads
 * what it missed. About 4 000 flow entries.
 */
export const DEFAULT_MAX_STREAM_BACKLOG_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_HTTP_CONNECTIONS = 1000;
export const DEFAULT_IDLE_SOCKET_TIMEOUT_MS = 120_000;

/** On every response; a route may override them (e.g. a web page's own CSP). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const table = new RouteTable(options.routes);
  const log = options.log ?? ((message: string) => console.error(message));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const streams = new Set<ServerResponse>();
  const dispatch: Dispatch = {
    allowedHosts: allowedHostNames(options.host, options.hostNames),
    ...(options.acceptHost ? { acceptHost: options.acceptHost } : {}),
    table,
    log,
    maxBodyBytes,
    maxStreamBacklogBytes: options.maxStreamBacklogBytes ?? DEFAULT_MAX_STREAM_BACKLOG_BYTES,
    streams,
    ...(options.fallback ? { fallback: options.fallback } : {}),
    ...(options.direct ? { direct: options.direct } : {}),
    ...(options.authorise ? { authorise: options.authorise } : {}),
  };
  const server = createServer((request, response) => {
    // Nothing a request does may stop the simulator: whatever escapes respond() is logged and
    // ends that one answer.
    respond(request, response, dispatch).catch((error: unknown) => {
      log(`[api] ${request.method} ${request.url}: réponse interrompue\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      response.destroy();
    });
  });
  server.on('clientError', (error, socket) => answerClientError(error, socket as Socket, SECURITY_HEADERS));
  // Bounded like the SMTP and IMAP endpoints: a socket that never sends a request stayed open
  // for ever (Node's header and request time limits start with a request), and there was no cap
  // on their number (each one a file descriptor the mail ports need too).
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_HTTP_CONNECTIONS;
  server.timeout = options.idleSocketTimeoutMs ?? DEFAULT_IDLE_SOCKET_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    host: options.host,
    port,
    baseUrl: `http://${urlHost}:${port}`,
    close: () => (closing ??= closeGracefully(server, options.closeGraceMs ?? 5000, streams)),
  };
}

export type DirectAnswerer = (method: string, url: URL, headers: IncomingMessage['headers']) => HttpResponse | undefined;

interface Dispatch {
  readonly allowedHosts: ReadonlySet<string>;
  readonly acceptHost?: (name: string) => boolean;
  readonly table: RouteTable;
  readonly log: (message: string) => void;
  readonly maxBodyBytes: number;
  readonly fallback?: (request: Request) => Promise<Response | undefined>;
  readonly authorise?: AccessCheck;
  readonly direct?: DirectAnswerer;
  /** Open streaming responses, ended by close() so that it never waits for them. */
  readonly streams: Set<ServerResponse>;
  readonly maxStreamBacklogBytes: number;
}

async function respond(request: IncomingMessage, response: ServerResponse, dispatch: Dispatch): Promise<void> {
  let answer: Serialised;
  try {
    const routed = await route(request, dispatch);
    if (isStreaming(routed)) return openStream(response, routed, dispatch.streams, dispatch.maxStreamBacklogBytes);
    answer = serialise(routed);
  } catch (error) {
    answer = serialise(errorResponse(error, request, dispatch.log));
  }
  if (response.destroyed) return;
  try {
    response.writeHead(answer.status, { ...answer.headers });
  } catch (error) {
    // A header value Node refuses (a character outside Latin-1 or a control, from a message's
    // own fields): the route's bug, answered as one, never a crash.
    answer = serialise(errorResponse(error, request, dispatch.log));
    response.writeHead(answer.status, { ...answer.headers });
  }
  if (typeof answer.payload === 'string') response.end(answer.payload, 'latin1');
  else response.end(answer.payload);
}

async function route(request: IncomingMessage, dispatch: Dispatch): Promise<HttpResponse> {
  // First of all, before the fallback too: a rebound name never reaches anything.
  const named = requestAuthority(request.url, request.rawHeaders);
  if (named.kind === 'several') throw apiErrors.severalHosts(named.hosts);
  if (!isHostAllowed(named.authority, dispatch.allowedHosts, dispatch.acceptHost)) throw apiErrors.hostNotAllowed(named.authority, [...dispatch.allowedHosts].sort());
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
  const match = dispatch.table.match(method, url.pathname);
  if (match.kind === 'not-found') {
    const direct = dispatch.direct?.(method, new URL(absoluteUrl(request)), request.headers);
    if (direct) return direct;
    const answer = dispatch.fallback ? await askFallback(request, method, dispatch.fallback, dispatch.maxBodyBytes) : undefined;
    if (answer) return answer;
    throw apiErrors.routeNotFound(request.method ?? '', url.pathname);
  }
  if (match.kind === 'wrong-method') {
    if (request.method === 'OPTIONS') return { status: 204, headers: { Allow: match.allowed.join(', ') } };
    throw apiErrors.methodNotAllowed(request.method ?? '', url.pathname, match.allowed);
  }
  if (method !== 'GET' && isCrossOrigin(request)) throw apiErrors.crossOrigin(request.headers.origin ?? '');
  const body = await readRequestBody(request, dispatch.maxBodyBytes);
  if (body.kind === 'aborted') return { status: 400 };
  if (body.kind === 'too-large') {
    const error = apiErrors.bodyTooLarge(dispatch.maxBodyBytes);
    return { status: error.status, json: error.body(), headers: body.drained ? {} : { Connection: 'close' } };
  }
  const refused = dispatch.authorise?.({ method: request.method ?? method, path: url.pathname, headers: request.headers, body: body.body });
  if (refused) return refused;
  const context = { method: method as HttpMethod, path: url.pathname, params: match.params, query: url.searchParams, headers: request.headers, body: body.body };
  return match.route.handler(context);
}

/** The request as a WHATWG Request for the fallback, and its Response back as ours. */
async function askFallback(request: IncomingMessage, method: string, fallback: (request: Request) => Promise<Response | undefined>, maxBodyBytes: number): Promise<HttpResponse | undefined> {
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readRequestBody(request, maxBodyBytes) : undefined;
  if (body?.kind === 'aborted') return { status: 400 };
  if (body?.kind === 'too-large') {
    const error = apiErrors.bodyTooLarge(maxBodyBytes);
    return { status: error.status, json: error.body(), headers: body.drained ? {} : { Connection: 'close' } };
  }
  const init: RequestInit = { method, headers: requestHeaders(request) };
  if (body?.kind === 'body' && body.body.length > 0) init.body = body.body;
  const response = await fallback(new Request(absoluteUrl(request), init));
  if (!response) return undefined;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'content-type' && name !== 'content-length') headers[name] = value;
  });
  const payload = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? undefined;
  return { status: response.status, headers, ...(payload.length > 0 && { bytes: payload }), ...(contentType !== undefined && { contentType }) };
}

function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    try {
      headers.append(request.rawHeaders[i] ?? '', request.rawHeaders[i + 1] ?? '');
    } catch {
      // A header name or value fetch refuses (RFC 9110 §5.5 allows more): left out.
    }
  }
  return headers;
}

/** `http://<Host><path>`; a missing or malformed Host falls back to localhost. */
function absoluteUrl(request: IncomingMessage): string {
  const target = request.url ?? '/';
  // An absolute-form target (RFC 9112 §3.2.2) is already the URL, its authority checked by route().
  if (/^https?:\/\//i.test(target) && URL.canParse(target)) return new URL(target).href;
  const path = target.startsWith('/') ? target : `/${target}`;
  try {
    return new URL(`http://${request.headers.host ?? 'localhost'}${path}`).href;
  } catch {
    return new URL(`http://localhost${path}`).href;
  }
}

/**
 * A browser page of another origin must not steer the simulator (CSRF, e.g. a form posting to
 * /api/reset): a state-changing request whose `Origin` (RFC 6454 §7) is not this server's own
 * is refused. Clients other than browsers send no `Origin` and are not affected.
 */
function isCrossOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true; // `null` (sandboxed page, file:) or garbage
  }
}

function errorResponse(error: unknown, request: IncomingMessage, log: (message: string) => void): HttpResponse {
  if (error instanceof ApiError) return { status: error.status, json: error.body(), headers: error.headers };
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`[api] ${request.method} ${request.url}: erreur interne\n${detail}`);
  return { status: 500, json: apiErrors.internal().body() };
}

/** `payload`: bytes, or a one-byte string written as latin1 (one byte per character). */
interface Serialised {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly payload?: Buffer | string;
}

function serialise(response: HttpResponse): Serialised {
  const headers: Record<string, string> = { ...SECURITY_HEADERS };
  let payload: Buffer | string | undefined;
  if (response.bytes !== undefined || response.latin1 !== undefined) {
    payload = response.bytes ?? response.latin1;
    headers['Content-Type'] = response.contentType ?? 'application/octet-stream';
  } else if (response.text !== undefined) {
    payload = Buffer.from(response.text, 'utf8');
    headers['Content-Type'] = response.contentType ?? 'text/plain; charset=utf-8';
  } else if (response.json !== undefined) {
    payload = Buffer.from(JSON.stringify(response.json), 'utf8');
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  if (payload !== undefined) headers['Content-Length'] = String(payload.length);
  Object.assign(headers, response.headers);
  return payload === undefined ? { status: response.status, headers } : { status: response.status, headers, payload };
}

function openStream(response: ServerResponse, routed: StreamingResponse, streams: Set<ServerResponse>, maxBacklogBytes: number): void {
  if (response.destroyed) return;
  response.writeHead(routed.status, { ...SECURITY_HEADERS, ...(routed.contentType ? { 'Content-Type': routed.contentType } : {}), ...routed.headers });
  response.flushHeaders();
  streams.add(response);
  const listeners: (() => void)[] = [];
  let closed = false;
  let checking = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    streams.delete(response);
    for (const listener of listeners) listener();
  };
  response.on('close', finish);
  routed.stream({
    write: (chunk) => {
      if (closed || response.destroyed) return false;
      response.write(chunk);
      // Past the bound, looked at again once the loop has turned: bytes the kernel took at once
      // still count until then (Node settles them on the next tick), a burst is not a stall.
      if (response.writableLength > maxBacklogBytes && !checking) {
        checking = true;
        setImmediate(() => {
          checking = false;
          // A client that does not read: cut rather than keep every event for it (it reconnects).
          if (!closed && response.writableLength > maxBacklogBytes) response.destroy();
        });
      }
      return true;
    },
    onClose: (listener) => {
      if (closed) listener();
      else listeners.push(listener);
    },
    end: () => {
      if (!response.writableEnded) response.end();
      finish();
    },
  });
}

function closeGracefully(server: ReturnType<typeof createServer>, graceMs: number, streams: Set<ServerResponse>): Promise<void> {
  for (const stream of [...streams]) stream.end(); // an event stream never ends by itself
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
