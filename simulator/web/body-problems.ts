// French problems for the ajv errors of a request body, through the translation shared with the
// fixture loader (simulator/validation/ajv-problems.ts). API wording: a missing property is pointed
// at itself, and an unknown property or a wrong type is said the way the API tests pin it.
import type { ErrorObject } from 'ajv';
import { describeAjvErrors, propertyNames, typeNames, type AjvProblemOptions } from '../validation/ajv-problems.ts';
import type { BodyProblem } from './api-errors.ts';

const BODY_WORDING: AjvProblemOptions = {
  requiredAt: 'property',
  schemaFix: 'consultez le schéma dans /api/openapi.json',
  wordings: {
    additionalProperties: (error) => ({
      message: `propriété inconnue « ${String(error.params['additionalProperty'])} »`,
      fix: `retirez-la (vérifiez l'orthographe) ; propriétés acceptées : ${propertyNames(error.parentSchema).join(', ') || 'aucune'}`,
    }),
    type: (error, expected) => ({
      message: `type incorrect : reçu ${valueText(error.data)}, il faut ${typeNames(error.params['type'])}`,
      fix: `donnez ${typeNames(error.params['type'])}${expected ? ` (${expected})` : ''}`,
    }),
  },
};

export function describeBodyErrors(errors: readonly ErrorObject[]): BodyProblem[] {
  return describeAjvErrors(errors, BODY_WORDING);
}

/** The received value as a vendor would name it: quoted text, a number, « un tableau »… */
function valueText(value: unknown): string {
  if (typeof value === 'string') return `« ${value.length > 60 ? `${value.slice(0, 57)}…` : value} »`;
  if (Array.isArray(value)) return 'un tableau';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'un objet';
  return String(value);
}
