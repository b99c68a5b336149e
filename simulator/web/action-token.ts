// Actions need a token off loopback (REG-DEC-01): when the HTTP port listens on another
// interface than loopback, every request that changes something under /api (any method but
// GET, HEAD, OPTIONS) must carry `Authorization: Bearer <jeton>` (RFC 6750 §2.1). Reading stays
// open. The token comes from `--jeton` or is generated at start and printed in the banner.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './api-error.ts';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|localhost|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/** 32 random bytes, base64url: what the banner prints when `--jeton` is not given. */
export function generateActionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token the server will require: none on loopback, else the given one or a new one. */
export function resolveActionToken(host: string, given: string | undefined): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return given !== undefined && given !== '' ? given : generateActionToken();
}

export interface ActionRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export class ActionTokenError extends ApiError {
  constructor(reason: 'missing' | 'wrong') {
    const fact = reason === 'missing' ? 'Action refusée : jeton absent' : 'Action refusée : jeton incorrect';
    super(
      401,
      reason === 'missing' ? 'MSS_SIM_API_ACTION_TOKEN_MISSING' : 'MSS_SIM_API_ACTION_TOKEN_WRONG',
      `${fact}. Le simulateur écoute hors de la boucle locale : envoyez l'en-tête « Authorization: Bearer <jeton> » avec le jeton affiché au démarrage (option --jeton).`,
      {},
      { 'WWW-Authenticate': 'Bearer realm="simulateur-mssante"' },
    );
    this.name = 'ActionTokenError';
  }
}

/** A check for the HTTP server: throws ActionTokenError when an action lacks the right token. */
export function actionTokenCheck(token: string): (request: ActionRequest) => void {
  const expected = digest(token);
  return (request) => {
    if (READ_METHODS.has(request.method.toUpperCase()) || !request.path.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!match?.[1]) throw new ActionTokenError('missing');
    if (!timingSafeEqual(digest(match[1]), expected)) throw new ActionTokenError('wrong');
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
