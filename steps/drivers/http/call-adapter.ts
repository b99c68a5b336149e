// One HTTP exchange with a vendor's adapter (steps/drivers/protocol/README.md): JSON in, JSON
// out, status 200, within the time limit, through the bounded JSON reader (UTF-8, at most
// DRIVER_ANSWER_MAX_BYTES, JSON_MAX_DEPTH levels). Anything else is a setup error naming the
// operation, the URL, the fact and the fix; schema validation of the JSON is the caller's.
import { describeJsonRefusal, JSON_MAX_DEPTH, readBoundedJson } from '../../../simulator/tooling-api.ts';
import { DriverSetupError, type DriverSetupReason } from '../driver-setup-error.ts';
import type { DriverOperation } from '../protocol/driver-operations.ts';

export interface AdapterCall {
  readonly baseUrl: URL;
  readonly operation: DriverOperation;
  /** The JSON body of a POST; `undefined` for `GET /capabilities`. */
  readonly body: unknown;
  readonly timeoutMs: number;
  readonly fetch: typeof globalThis.fetch;
  /** Largest answer read; default DRIVER_ANSWER_MAX_BYTES. */
  readonly maxAnswerBytes?: number;
}

/** Largest adapter answer: a list of messages with their content fits many times over. */
export const DRIVER_ANSWER_MAX_BYTES = 8 * 1024 * 1024;

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const EXCERPT_LENGTH = 200;

/** The parsed JSON the adapter answered with status 200. */
export async function callAdapter(call: AdapterCall): Promise<unknown> {
  const url = new URL(call.operation, call.baseUrl).href;
  const method = call.body === undefined ? 'GET' : 'POST';
  const fail = (reason: DriverSetupReason, fact: string, fix: string, cause?: unknown): DriverSetupError =>
    new DriverSetupError({ reason, operation: call.operation, target: `${method} ${url}`, fact, fix, cause });
  const maxBytes = call.maxAnswerBytes ?? DRIVER_ANSWER_MAX_BYTES;
  let response: Answer;
  try {
    response = await exchange(call, url, method, maxBytes);
  } catch (error) {
    throw networkFailure(error, call.timeoutMs, fail);
  }
  if (response.bytes === undefined) {
    throw fail('too-large', `réponse de plus de ${maxBytes} octets (début : ${quotedText(excerpt(response.text))})`, `répondez avec moins de ${maxBytes} octets`);
  }
  if (response.status !== 200) throw statusFailure(response.status, response.bytes, response.text, fail);
  if (!isJsonMediaType(response.contentType)) {
    throw fail('not-json', `la réponse n'est pas du JSON (Content-Type ${quotedText(response.contentType || 'absent')}, début : ${quotedText(excerpt(response.text))})`, `répondez avec l'en-tête Content-Type: ${JSON_CONTENT_TYPE} et un corps JSON`);
  }
  const read = readBoundedJson(response.bytes, { maxDepth: JSON_MAX_DEPTH, maxBytes });
  if (read.ok) return read.value;
  const { message, fix } = describeJsonRefusal(read.refusal);
  throw fail('not-json', `le corps de la réponse n'est pas du JSON valide (${message} ; début : ${quotedText(excerpt(response.text))})`, `renvoyez un document JSON valide, encodé en UTF-8 : ${fix}`);
}

/** `bytes` is undefined when the body went over the limit; `text` is its start, for messages. */
interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly bytes: Uint8Array | undefined;
  readonly text: string;
}

async function exchange(call: AdapterCall, url: string, method: string, maxBytes: number): Promise<Answer> {
  const response = await call.fetch(url, {
    method,
    headers: { accept: 'application/json', ...(method === 'POST' ? { 'content-type': JSON_CONTENT_TYPE } : {}) },
    ...(method === 'POST' ? { body: JSON.stringify(call.body) } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(call.timeoutMs), // covers the body too
  });
  const body = await readAtMost(response, maxBytes);
  const text = new TextDecoder().decode(body.bytes.subarray(0, EXCERPT_LENGTH * 4));
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', bytes: body.complete ? body.bytes : undefined, text };
}

/** The body, stopping (and cancelling the download) once it exceeds `maxBytes`. */
async function readAtMost(response: Response, maxBytes: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(), complete: true };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: Buffer.concat(chunks, size), complete: true };
    chunks.push(value);
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return { bytes: Buffer.concat(chunks, size), complete: false };
    }
  }
}

type Fail = (reason: DriverSetupReason, fact: string, fix: string, cause?: unknown) => DriverSetupError;

function networkFailure(error: unknown, timeoutMs: number, fail: Fail): DriverSetupError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return fail('timeout', `pas de réponse complète dans le délai de ${timeoutMs} ms`, "vérifiez que l'adaptateur répond à cette opération, ou allongez le délai accordé au pilote", error);
  }
  const code = causeCode(error);
  const detail = code ? ` (${code})` : '';
  const fact = code === 'ECONNREFUSED' ? `connexion refusée${detail}` : `adaptateur injoignable${detail}`;
  return fail('unreachable', fact, "démarrez l'adaptateur et vérifiez l'URL passée à --client (hôte, port, chemin)", error);
}

function statusFailure(status: number, bytes: Uint8Array, start: string, fail: Fail): DriverSetupError {
  const adapterMessage = errorMessageOf(bytes);
  if (adapterMessage !== undefined) {
    return fail('adapter-error', `l'adaptateur a signalé une erreur (HTTP ${status}) : ${quotedText(adapterMessage)}`, "corrigez la cause indiquée par l'adaptateur (configuration du client, état du logiciel), puis relancez");
  }
  return fail('http-status', `statut HTTP ${status} au lieu de 200 (début du corps : ${quotedText(excerpt(start))})`, 'répondez 200 avec le JSON de la réponse, ou 500 avec { "error": { "message": "…" } } en cas de panne');
}

/** `{ "error": { "message": "…" } }`, the adapter's own error body. */
function errorMessageOf(bytes: Uint8Array): string | undefined {
  const read = readBoundedJson(bytes, { maxDepth: JSON_MAX_DEPTH, maxBytes: bytes.length });
  const message = read.ok ? (read.value as { error?: { message?: unknown } } | null)?.error?.message : undefined;
  return typeof message === 'string' ? message : undefined;
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
