// Calls to the control API. Every call carries the access token when the trainer gave one
// (required for reads and actions when the simulator listens beyond loopback; the banner prints
// `…/#jeton=<token>`); openReadSession trades it for the read cookie that the live feed
// (EventSource) and the message iframe need, since they cannot send a header.
// Every failure becomes an ApiCallError whose message is the API's French message.

const TOKEN_KEY = 'mss-sim-jeton';

export class ApiCallError extends Error {
  readonly code = 'MSS_SIM_UI_API_CALL';
  readonly status: number;
  /** The API's own error code, e.g. MSS_SIM_MES_CONVERSATION_CLOSED. */
  readonly apiCode: string | undefined;

  constructor(status: number, message: string, apiCode: string | undefined) {
    super(message);
    this.name = 'ApiCallError';
    this.status = status;
    this.apiCode = apiCode;
  }
}

/** Takes `#jeton=…` from the address (then removes it from the bar) or what this tab kept. */
export function initialToken(): string {
  const match = /(?:^#|&)jeton=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function setToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** With a token: asks for the read cookie (POST /api/ui-session); without one there is nothing to trade. */
export async function openReadSession(): Promise<void> {
  if (sessionStorage.getItem(TOKEN_KEY)) await send('POST', '/api/ui-session');
}

function withToken(headers: Record<string, string>): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { ...headers, authorization: `Bearer ${token}` } : headers;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await call(path, { headers: withToken({ accept: 'application/json' }) })).json() as Promise<T>;
}

export async function getText(path: string, accept = 'text/plain'): Promise<string> {
  return (await call(path, { headers: withToken({ accept }) })).text();
}

/** POST/PUT/PATCH with a JSON body; resolves with the JSON answer, or undefined on 204. */
export async function send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T | undefined> {
  const headers = withToken({ accept: 'application/json' });
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await call(path, init);
  return response.status === 204 ? undefined : ((await response.json()) as T);
}

async function call(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiCallError(0, 'Le simulateur ne répond pas : vérifiez qu\'il est démarré.', undefined);
  }
  if (response.ok) return response;
  throw await errorOf(response);
}

async function errorOf(response: Response): Promise<ApiCallError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiCallError(response.status, body.error.message, body.error.code);
  } catch {
    // not JSON: fall through
  }
  if (response.status === 401) return new ApiCallError(401, 'Accès refusé : saisissez le jeton d\'accès affiché au démarrage du simulateur.', undefined);
  return new ApiCallError(response.status, `Le simulateur a répondu HTTP ${response.status}.`, undefined);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
