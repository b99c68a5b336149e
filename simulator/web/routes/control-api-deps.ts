// What every group of control-API routes receives, and the small lookups they share
// (path parameters, patients by INS), each failing with the catalogue's French error.
import { checkInsNumber } from '../../domain/ins-number.ts';
import type { Patient } from '../../domain/model.ts';
import type { ParsedMessage } from '../../protocols/mime/message-reader.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { apiErrors } from '../api-errors.ts';
import type { RequestValidator } from '../request-validator.ts';
import type { RequestContext } from '../route.ts';

export interface ControlApiDeps {
  readonly space: RunningTrustSpace;
  readonly validator: RequestValidator;
  readonly now: () => Date;
  readonly parseMessage: (raw: Buffer) => Promise<ParsedMessage>;
}

/** A `{param}` of the route's path (always present once the route matched). */
export function pathParam(context: RequestContext, name: string): string {
  const value = context.params[name];
  if (value === undefined) throw new Error(`route has no {${name}} parameter: ${context.path}`);
  return value;
}

/** A matricule INS, upper-cased (`2a` → `2A`), or 400 when it is not a valid one (REG-ADR-02, REG-ADR-05). */
export function insParam(text: string): string {
  const ins = text.toUpperCase();
  if (!checkInsNumber(ins).valid) throw apiErrors.invalidIns(text);
  return ins;
}

/** The patient of the `{ins}` path parameter: 400 if the INS is invalid, 404 if unknown. */
export function patientOf(deps: ControlApiDeps, context: RequestContext): Patient {
  const text = pathParam(context, 'ins');
  const patient = deps.space.view().patient(insParam(text));
  if (!patient) throw apiErrors.unknownPatient(text);
  return patient;
}
