// The access token of the HTTP port (RFC 6750 §2.1 bearer): when the simulator listens beyond
// loopback (or is told to require it, --exiger-jeton; REG-DEC-01), requests must carry
// `Authorization: Bearer <jeton>` (access-check.ts says which). The token comes from `--jeton`
// or is generated at start and printed in the banner.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError } from './api-error.ts';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|localhost|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/** 32 random bytes, base64url: what the banner prints when `--jeton` is not given. */
export function generateActionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token the server will require: none on loopback (unless required), else the given one or a new one. */
export function resolveActionToken(host: string, given: string | undefined, required = false): string | undefined {
  if (isLoopbackHost(host) && !required) return undefined;
  return given !== undefined && given !== '' ? given : generateActionToken();
}

/** The web UI's read cookie: derived from the token, so that it opens reads and nothing else. */
export function readCookieValue(token: string): string {
  return createHmac('sha256', token).update('mss-sim-lecture').digest('base64url');
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export class ActionTokenError extends ApiError {
  constructor(reason: 'missing' | 'wrong', kind: 'action' | 'read' = 'action') {
    const what = kind === 'action' ? 'Action refusée' : 'Lecture refusée';
    const fact = `${what} : jeton ${reason === 'missing' ? 'absent' : 'incorrect'}`;
    const prefix = kind === 'action' ? 'MSS_SIM_API_ACTION_TOKEN' : 'MSS_SIM_API_READ_TOKEN';
    super(
      401,
      `${prefix}_${reason === 'missing' ? 'MISSING' : 'WRONG'}`,
      `${fact}. Le simulateur écoute hors de la boucle locale : envoyez l'en-tête « Authorization: Bearer <jeton> » avec le jeton affiché au démarrage (option --jeton)${kind === 'read' ? ', ou ouvrez l\'interface web par le lien affiché au démarrage' : ''}.`,
      {},
      { 'WWW-Authenticate': 'Bearer realm="simulateur-mssante"' },
    );
    this.name = 'ActionTokenError';
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
