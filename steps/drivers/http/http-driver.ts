// The HTTP driver (REG-DEC-04): drives a vendor's JSON-over-HTTP adapter, any
// language, through the protocol of steps/drivers/protocol/README.md. Every request it sends is
// validated (a bad one is a harness bug: DriverRequestError) and every response too (a bad one
// is a setup error: DriverSetupError, never a conformance failure).
import type { ClientDriver, DriverCapabilities, ShownFailure } from '../../../simulator/public-api.ts';
import { DriverSetupError } from '../driver-setup-error.ts';
import type { DriverOperation, DriverRequestBodies, DriverResponseBodies, RequestOperation } from '../protocol/driver-operations.ts';
import { validateDriverRequest, validateDriverResponse } from '../protocol/validate-driver-message.ts';
import { callAdapter } from './call-adapter.ts';
import { DriverRequestError } from './driver-request-error.ts';
import { ShownFailureError } from './shown-failure-error.ts';

/** Default time limit of one call, body included (protocol README, « Délais »). */
export const DEFAULT_DRIVER_TIMEOUT_MS = 30_000;

export interface HttpDriverOptions {
  /** The adapter's base URL as given to `--client` (alias `--driver`), e.g. `http://127.0.0.1:8700/`. */
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  /** For tests; the global fetch otherwise. */
  readonly fetch?: typeof globalThis.fetch;
}

export function createHttpDriver(options: HttpDriverOptions): ClientDriver {
  const context = { baseUrl: adapterBaseUrl(options.baseUrl), timeoutMs: options.timeoutMs ?? DEFAULT_DRIVER_TIMEOUT_MS, fetch: options.fetch ?? globalThis.fetch };
  const post = async <O extends RequestOperation>(operation: O, request: DriverRequestBodies[O]): Promise<DriverResponseBodies[O]> =>
    call(context, operation, checkedRequest(operation, request));
  return {
    capabilities: async () => withoutVersion(await call(context, 'capabilities', undefined)),
    configure: async (configuration) => void (await post('configure', configuration)),
    send: (request) => post('send', request),
    writeToPatient: (request) => post('write-to-patient', request),
    findRecipient: async (request) => {
      const answer = await post('find-recipient', request);
      if ('status' in answer) throw new ShownFailureError('find-recipient', answer.shownToUser);
      return answer.recipients;
    },
    endConversation: (request) => post('end-conversation', request),
    synchronise: async () => {
      const answer = await post('synchronise', {});
      return 'status' in answer ? (answer as ShownFailure) : undefined;
    },
    listMessages: async () => (await post('list-messages', {})).messages,
    reset: async () => void (await post('reset', {})),
    sendDocument: (request) => post('send-document', request),
    registerPatient: async (patient) => void (await post('register-patient', patient)),
  };
}

interface CallContext {
  readonly baseUrl: URL;
  readonly timeoutMs: number;
  readonly fetch: typeof globalThis.fetch;
}

async function call<O extends DriverOperation>(context: CallContext, operation: O, body: unknown): Promise<DriverResponseBodies[O]> {
  const json = await callAdapter({ ...context, operation, body });
  const checked = validateDriverResponse(operation, json);
  if (checked.ok) return checked.value;
  throw new DriverSetupError({
    reason: 'invalid-response',
    operation,
    target: `${body === undefined ? 'GET' : 'POST'} ${new URL(operation, context.baseUrl).href}`,
    fact: `la réponse ne respecte pas le schéma ${operation}-response.schema.json (${checked.problems.length} problème${checked.problems.length > 1 ? 's' : ''})`,
    fix: "corrigez l'adaptateur pour que sa réponse suive le schéma (steps/drivers/protocol/schemas/) ; le client lui-même n'est pas en cause",
    problems: checked.problems,
  });
}

function checkedRequest<O extends RequestOperation>(operation: O, request: DriverRequestBodies[O]): DriverRequestBodies[O] {
  const checked = validateDriverRequest(operation, request);
  if (!checked.ok) throw new DriverRequestError(operation, checked.problems);
  return checked.value;
}

/** The contract's shape: `protocolVersion` is checked by the schema, then dropped. */
function withoutVersion(response: DriverResponseBodies['capabilities']): DriverCapabilities {
  const { protocolVersion: _version, ...capabilities } = response;
  return capabilities;
}

/** An absolute http(s) URL ending with `/`, so that operations resolve beneath its path. */
function adapterBaseUrl(baseUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new DriverSetupError({ reason: 'invalid-base-url', operation: '(aucune)', target: baseUrl, fact: "l'adresse de l'adaptateur n'est pas une URL http(s) absolue", fix: 'passez à --client une URL comme http://127.0.0.1:8700/' });
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
