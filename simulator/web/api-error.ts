// An error the control API answers with: HTTP status, stable code (`MSS_SIM_API_<REASON>`,
// never renamed once released, REG-DEC-05) and a French message for vendors.
// Every instance comes from the catalogue in api-errors.ts; the server turns it into
// `{ error: { code, message, ...details } }`.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra members of the JSON `error` object (problems, position, refusal…). */
  readonly details: Readonly<Record<string, unknown>>;
  /** Extra response headers, e.g. `Allow` on a 405. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  /** The response body: `{ error: { code, message, ...details } }`. */
  body(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}
