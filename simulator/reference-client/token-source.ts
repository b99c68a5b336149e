// XOAUTH2 access tokens from the (simulated) Pro Santé Connect token endpoint (SC.MSS/CONF.07),
// found as a third-party client finds it: from the OpenID Connect discovery document
// (`discoveryUrl`, OpenID Connect Discovery 1.0 §4), or given directly (`tokenEndpoint`).
// `username` given: the `password` grant (RFC 6749 §4.3) with the test professional's password;
// no `username`: the simulator's mailbox grant `urn:simulateur:mailbox` for the mailbox.
// Tokens live in memory only and are refreshed before expiry (SC.MSS/CONF.28).

export type TokenSourceSettings = ({ readonly tokenEndpoint: string } | { readonly discoveryUrl: string }) & {
  readonly mailbox: string;
  readonly username?: string;
  readonly password?: string;
  /** `client_id` presented; the reference client's own by default. */
  readonly clientId?: string;
  readonly now: () => Date;
};

const REFERENCE_CLIENT_ID = 'simulateur-client-reference';

export class TokenEndpointError extends Error {
  readonly code = 'MSS_SIM_DRIVER_TOKEN_REFUSED';
  constructor(readonly status: number, readonly body: string) {
    super(`Pro Santé Connect a refusé la demande de jeton (HTTP ${status}) : ${body}`);
    this.name = 'TokenEndpointError';
  }
}

interface TokenState {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly expiresAt: number;
}

/** Renew this long before expiry so that a session never starts with a dying token. */
const REFRESH_MARGIN_MS = 30_000;

export class TokenSource {
  #state: TokenState | undefined;
  #endpoint: string | undefined;
  constructor(private readonly settings: TokenSourceSettings) {}

  async accessToken(): Promise<string> {
    const now = this.settings.now().getTime();
    if (this.#state && this.#state.expiresAt - REFRESH_MARGIN_MS > now) return this.#state.accessToken;
    const refresh = this.#state?.refreshToken;
    this.#state = undefined;
    if (refresh) {
      try {
        this.#state = await this.#request({ grant_type: 'refresh_token', refresh_token: refresh });
        return this.#state.accessToken;
      } catch {
        // refresh token expired or revoked: start again from the credentials
      }
    }
    this.#state = await this.#request(this.#initialGrant());
    return this.#state.accessToken;
  }

  forget(): void {
    this.#state = undefined;
  }

  #initialGrant(): Record<string, string> {
    const { username, password, mailbox } = this.settings;
    if (username) return { grant_type: 'password', username, password: password ?? '' };
    return { grant_type: 'urn:simulateur:mailbox', mailbox };
  }

  async #request(form: Record<string, string>): Promise<TokenState> {
    const response = await fetch(await this.#tokenEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.settings.clientId ?? REFERENCE_CLIENT_ID, ...form }),
    });
    const text = await response.text();
    if (response.status !== 200) throw new TokenEndpointError(response.status, text);
    const json = JSON.parse(text) as { access_token: string; refresh_token?: string; expires_in: number };
    const expiresAt = this.settings.now().getTime() + json.expires_in * 1000;
    return { accessToken: json.access_token, ...(json.refresh_token ? { refreshToken: json.refresh_token } : {}), expiresAt };
  }

  async #tokenEndpoint(): Promise<string> {
    if ('tokenEndpoint' in this.settings) return this.settings.tokenEndpoint;
    if (this.#endpoint) return this.#endpoint;
    const response = await fetch(this.settings.discoveryUrl);
    const text = await response.text();
    if (response.status !== 200) throw new TokenEndpointError(response.status, text);
    const endpoint = (JSON.parse(text) as { token_endpoint?: unknown }).token_endpoint;
    if (typeof endpoint !== 'string') throw new TokenEndpointError(response.status, 'token_endpoint absent du document de découverte');
    this.#endpoint = endpoint;
    return endpoint;
  }
}
