// Who may call what on the HTTP port once a token is required (the simulator listens beyond
// loopback, or --exiger-jeton). Open to all: the web UI shell (page, script, stylesheet), the
// test CA (/ca.crt), the OpenID Connect discovery document and JWKS of the simulated Pro Santé
// Connect (public data a client needs before it has any credential, published openly by the
// real one), and OPTIONS. Everything else needs the token, reads included (messages, journal,
// transmissions, client-certificate keys, the live flow), unless --lecture-publique opens GET.
// The token is accepted as `Authorization: Bearer` (RFC 6750 §2.1); for reads also as the web
// UI's HttpOnly cookie (an EventSource or an iframe cannot send a header); on the Pro Santé
// Connect realm also as the OAuth client secret (RFC 6749 §2.3.1, form or HTTP Basic), since
// an OAuth client already uses `Authorization` for its own credentials.
import type { IncomingHttpHeaders } from 'node:http';
import { PSC_ENDPOINTS, PSC_REALM_PATH } from '../services/auth/psc/psc-constants.ts';
import { ActionTokenError, readCookieValue, sameSecret } from './action-token.ts';
import { APP_PUBLIC_PATHS } from './ui/app-pages.ts';
import { json } from './http-response.ts';
import type { HttpResponse } from './route.ts';

export const READ_COOKIE = 'mss-sim-lecture';

export const PUBLIC_PATHS: ReadonlySet<string> = new Set([
  '/',
  '/ui/app.js',
  '/ui/style.css',
  '/ca.crt',
  `${PSC_REALM_PATH}${PSC_ENDPOINTS.discovery}`,
  `${PSC_REALM_PATH}${PSC_ENDPOINTS.jwks}`,
  ...APP_PUBLIC_PATHS,
]);

export interface AccessRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface AccessOptions {
  readonly token: string;
  /** --lecture-publique: GET and HEAD are open without the token. */
  readonly publicReads?: boolean;
}

/** Undefined when the request may proceed, else the refusal to answer with. */
export type AccessCheck = (request: AccessRequest) => HttpResponse | undefined;

export function accessCheck(options: AccessOptions): AccessCheck {
  const cookie = readCookieValue(options.token);
  return (request) => {
    const method = request.method.toUpperCase();
    const read = method === 'GET' || method === 'HEAD';
    if (method === 'OPTIONS' || (read && (options.publicReads || PUBLIC_PATHS.has(request.path)))) return undefined;
    if (request.path.startsWith(`${PSC_REALM_PATH}/`) && !read) return pscClientCheck(request, options.token);
    const kind = read ? 'read' : 'action';
    const bearer = bearerOf(request.headers.authorization);
    const given = bearer ?? (read ? cookieOf(request.headers.cookie, READ_COOKIE) : undefined);
    if (given === undefined) return refusal(new ActionTokenError('missing', kind));
    return sameSecret(given, bearer === undefined ? cookie : options.token) ? undefined : refusal(new ActionTokenError('wrong', kind));
  };
}

/** Token, logout and revocation endpoints: the token as bearer or as the OAuth client secret. */
function pscClientCheck(request: AccessRequest, token: string): HttpResponse | undefined {
  const given = bearerOf(request.headers.authorization) ?? basicSecretOf(request.headers.authorization) ?? formSecretOf(request);
  if (given !== undefined && sameSecret(given, token)) return undefined;
  const fact = given === undefined ? 'secret client absent' : 'secret client incorrect';
  return json(
    {
      error: 'invalid_client',
      error_description: `${fact} : le simulateur écoute hors de la boucle locale, donnez le jeton affiché au démarrage comme secret client (client_secret, ou authentification HTTP Basic, RFC 6749 §2.3.1).`,
    },
    401,
    { 'WWW-Authenticate': 'Basic realm="esante-wallet"', Pragma: 'no-cache' },
  );
}

function refusal(error: ActionTokenError): HttpResponse {
  return { status: error.status, json: error.body(), headers: error.headers };
}

function bearerOf(header: string | undefined): string | undefined {
  return header === undefined ? undefined : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
}

function basicSecretOf(header: string | undefined): string | undefined {
  const encoded = header === undefined ? undefined : /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(header)?.[1];
  if (encoded === undefined) return undefined;
  const credentials = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = credentials.indexOf(':');
  return colon === -1 ? undefined : formDecode(credentials.slice(colon + 1));
}

function formSecretOf(request: AccessRequest): string | undefined {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams(request.body.toString('utf8')).get('client_secret') ?? undefined;
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
