// Responses of the simulated FHIR API as WHATWG Responses (`application/fhir+json`): a resource
// or bundle, or the OperationOutcome of a DirectoryRequestError. Shared by the FHIR handlers.
import { DirectoryRequestError } from './directory-request-error.ts';
import { directoryErrors } from './directory-errors.ts';
import { FHIR_JSON } from './fhir-vocabulary.ts';
import { operationOutcome } from './operation-outcome.ts';

/** `body` as JSON, or JSON bytes already made (fhir-json.ts). Bytes, never a string: undici re-checks a string body as USVString, slowly. */
export function fhirResponse(body: unknown, pretty = false, status = 200): Response {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body), 'utf8');
  return new Response(bytes, { status, headers: { 'Content-Type': FHIR_JSON } });
}

/** Our errors keep their status; anything else is a bug: logged with its stack, answered 500. */
export function errorResponse(error: unknown, log: (message: string) => void): Response {
  if (error instanceof DirectoryRequestError) return fhirResponse(operationOutcome(error), false, error.status);
  log(`[annuaire] erreur interne\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const internal = directoryErrors.internal();
  return fhirResponse(operationOutcome(internal), false, internal.status);
}
