// One HTTP exchange with a vendor's adapter (steps/drivers/protocol/README.md): JSON in, JSON
// out, status 200, within the time limit. Anything else is a setup error naming the operation,
// the URL, the fact and the fix; schema validation of the JSON is the caller's.
import { DriverSetupError, type DriverSetupReason } from '../driver-setup-error.ts';
import type { DriverOperation } from '../protocol/driver-operations.ts';

export interface AdapterCall {
  readonly baseUrl: URL;
  readonly operation: DriverOperation;
  /** The JSON body of a POST; `undefined` for `GET /capabilities`. */
  readonly body: unknown;
  readonly timeoutMs: number;
  readonly fetch: typeof globalThis.fetch;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const EXCERPT_LENGTH = 200;

/** The parsed JSON the adapter answered with status 200. */
export async function callAdapter(call: AdapterCall): Promise<unknown> {
  const url = new URL(call.operation, call.baseUrl).href;
  const method = call.body === undefined ? 'GET' : 'POST';
  const fail = (reason: DriverSetupReason, fact: string, fix: string, cause?: unknown): DriverSetupError =>
    new DriverSetupError({ reason, operation: call.operation, target: `${method} ${url}`, fact, fix, cause });
  let response: { status: number; contentType: string; text: string };
  try {
    response = await exchange(call, url, method);
  } catch (error) {
    throw networkFailure(error, call.timeoutMs, fail);
  }
  if (response.status !== 200) throw statusFailure(response, fail);
  if (!isJsonMediaType(response.contentType)) {
    throw fail('not-json', `la réponse n'est pas du JSON (Content-Type ${quotedText(response.contentType || 'absent')}, début : ${quotedText(excerpt(response.text))})`, `répondez avec l'en-tête Content-Type: ${JSON_CONTENT_TYPE} et un corps JSON`);
  }
  try {
    return JSON.parse(response.text) as unknown;
  } catch (error) {
    throw fail('not-json', `le corps de la réponse n'est pas du JSON valide (${error instanceof Error ? error.message : String(error)} ; début : ${quotedText(excerpt(response.text))})`, 'renvoyez un document JSON valide, encodé en UTF-8', error);
  }
}

async function exchange(call: AdapterCall, url: string, method: string): Promise<{ status: number; contentType: string; text: string }> {
  const response = await call.fetch(url, {
    method,
    headers: { accept: 'application/json', ...(method === 'POST' ? { 'content-type': JSON_CONTENT_TYPE } : {}) },
    ...(method === 'POST' ? { body: JSON.stringify(call.body) } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(call.timeoutMs), // covers the body too
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

type Fail = (reason: DriverSetupReason, fact: string, fix: string, cause?: unknown) => DriverSetupError;

function networkFailure(error: unknown, timeoutMs: number, fail: Fail): DriverSetupError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return fail('timeout', `pas de réponse complète dans le délai de ${timeoutMs} ms`, "vérifiez que l'adaptateur répond à cette opération, ou allongez le délai accordé au pilote", error);
  }
  const code = causeCode(error);
  const detail = code ? ` (${code})` : '';
  const fact = code === 'ECONNREFUSED' ? `connexion refusée${detail}` : `adaptateur injoignable${detail}`;
  return fail('unreachable', fact, "démarrez l'adaptateur et vérifiez l'URL passée à --driver (hôte, port, chemin)", error);
}

function statusFailure(response: { status: number; text: string }, fail: Fail): DriverSetupError {
  const adapterMessage = errorMessageOf(response.text);
  if (adapterMessage !== undefined) {
    return fail('adapter-error', `l'adaptateur a signalé une erreur (HTTP ${response.status}) : ${quotedText(adapterMessage)}`, "corrigez la cause indiquée par l'adaptateur (configuration du client, état du logiciel), puis relancez");
  }
  return fail('http-status', `statut HTTP ${response.status} au lieu de 200 (début du corps : ${quotedText(excerpt(response.text))})`, 'répondez 200 avec le JSON de la réponse, ou 500 avec { "error": { "message": "…" } } en cas de panne');
}

/** `{ "error": { "message": "…" } }`, the adapter's own error body. */
function errorMessageOf(text: string): string | undefined {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } } | null)?.error?.message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** `application/json` or any `+json` type (RFC 6839 §3.1), parameters ignored. */
function isJsonMediaType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

function quotedText(text: string): string {
  return `« ${text} »`;
}
