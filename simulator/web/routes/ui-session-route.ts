// POST /api/ui-session: the web UI trades the token it was given (bearer, checked by
// access-check.ts like any action) for an HttpOnly, SameSite=Strict cookie that opens reads,
// because the browser's EventSource (live flow) and the message iframe cannot send a header.
// The cookie holds a value derived from the token (action-token.ts), never the token: it opens
// reads and nothing else. On loopback no token is asked: 204 without a cookie.
import { readCookieValue } from '../action-token.ts';
import { READ_COOKIE } from '../access-check.ts';
import type { Route } from '../route.ts';

export function uiSessionRoutes(token: string | undefined): Route[] {
  const cookie = token === undefined ? undefined : `${READ_COOKIE}=${readCookieValue(token)}; Path=/; HttpOnly; SameSite=Strict`;
  return [{ method: 'POST', path: '/api/ui-session', handler: () => ({ status: 204, ...(cookie ? { headers: { 'Set-Cookie': cookie } } : {}) }) }];
}
