// Turns ajv errors on a request body into French problems a vendor can act on: JSON Pointer,
// what is wrong, how to fix it (STYLE.md principle 5). Needs ajv's `verbose: true`: each error
// then carries the offending value and its schema, whose French `description` says what is
// expected.
import type { ErrorObject } from 'ajv';
import type { BodyProblem } from './api-errors.ts';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'une chaîne de caractères',
  number: 'un nombre',
  integer: 'un entier',
  boolean: 'un booléen (true ou false)',
  object: 'un objet',
  array: 'un tableau',
  null: 'null',
};

export function describeBodyErrors(errors: readonly ErrorObject[]): BodyProblem[] {
  return errors.flatMap((error) => {
    const problem = describeBodyError(error);
    return problem ? [problem] : [];
  });
}

function describeBodyError(error: ErrorObject): BodyProblem | undefined {
  const path = error.instancePath;
  const expected = descriptionOf(error.parentSchema);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return undefined; // the errors of the `then` branch say what is wrong
    case 'required': {
      const property = String(params['missingProperty']);
      const hint = descriptionOf(propertySchema(error.parentSchema, property));
      return { path: `${path}/${escapePointer(property)}`, message: `propriété obligatoire « ${property} » absente`, fix: `ajoutez « ${property} »${hint ? ` : ${hint}` : ''}` };
    }
    case 'additionalProperties': {
      const property = String(params['additionalProperty']);
      const known = Object.keys(propertiesOf(error.parentSchema));
      return { path: `${path}/${escapePointer(property)}`, message: `propriété inconnue « ${property} »`, fix: `retirez-la (vérifiez l'orthographe) ; propriétés acceptées : ${known.join(', ') || 'aucune'}` };
    }
    case 'type':
      return { path, message: `type incorrect : reçu ${valueText(error.data)}, il faut ${typeNames(params['type'])}`, fix: `donnez ${typeNames(params['type'])}${expected ? ` (${expected})` : ''}` };
    case 'enum':
      return { path, message: `valeur ${valueText(error.data)} non admise`, fix: `valeurs admises : ${(params['allowedValues'] as unknown[]).map(valueText).join(', ')}` };
    default:
      return limitProblem(error, path, expected);
  }
}

function limitProblem(error: ErrorObject, path: string, expected: string | undefined): BodyProblem {
  const params = error.params as Record<string, unknown>;
  const limit = Number(params['limit']);
  const hint = expected ? ` (${expected})` : '';
  switch (error.keyword) {
    case 'minLength':
      return { path, message: limit === 1 ? 'valeur vide' : `valeur trop courte : au moins ${limit} caractères`, fix: `renseignez une valeur${hint}` };
    case 'maxLength':
      return { path, message: `valeur trop longue : au plus ${limit} caractères`, fix: `raccourcissez la valeur${hint}` };
    case 'minimum':
    case 'maximum':
      return { path, message: `valeur ${valueText(error.data)} hors limites`, fix: `donnez une valeur ${error.keyword === 'minimum' ? '≥' : '≤'} ${limit}${hint}` };
    case 'pattern':
    case 'format':
      return { path, message: `valeur ${valueText(error.data)} au format incorrect`, fix: expected ? `attendu : ${expected}` : `respectez le format ${String(params['pattern'] ?? params['format'])}` };
    default:
      return { path, message: `règle « ${error.keyword} » du schéma non respectée`, fix: expected ? `attendu : ${expected}` : 'consultez le schéma dans /api/openapi.json' };
  }
}

function descriptionOf(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const description = (schema as { description?: unknown }).description;
  return typeof description === 'string' ? description.replace(/\.$/, '') : undefined;
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  if (typeof schema !== 'object' || schema === null) return {};
  const properties = (schema as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}

function propertySchema(schema: unknown, property: string): unknown {
  return propertiesOf(schema)[property];
}

function typeNames(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' ou ');
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return `« ${value.length > 60 ? `${value.slice(0, 57)}…` : value} »`;
  if (Array.isArray(value)) return 'un tableau';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'un objet';
  return String(value);
}

/** RFC 6901 §3. */
function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
