// French problems for the fixture files' JSON Schema errors (REG-DEC-06), through the
// translation shared with the control API (simulator/validation/ajv-problems.ts). Fixture wording:
// a missing property is reported on the object lacking it, and a bad `format` is explained by
// the format itself (e.g. a date that must exist), not by the property's description.
import type { ErrorObject } from 'ajv';
import { describeAjvError, describeAjvErrors, formatHint, type AjvProblem, type AjvProblemOptions } from '../../validation/ajv-problems.ts';

export type SchemaErrorText = AjvProblem;

const FIXTURE_WORDING: AjvProblemOptions = {
  requiredAt: 'object',
  schemaFix: 'consultez le schéma JSON du fichier',
  wordings: {
    format: (error) => ({ fix: `attendu : ${formatHint(error.params['format'])}` }),
  },
};

/** French text for one ajv error, or `undefined` for errors that only repeat others (`if`). */
export function describeSchemaError(error: ErrorObject): SchemaErrorText | undefined {
  return describeAjvError(error, FIXTURE_WORDING);
}

/** French texts for all the errors of one validation, without repeats. */
export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaErrorText[] {
  return describeAjvErrors(errors, FIXTURE_WORDING);
}
