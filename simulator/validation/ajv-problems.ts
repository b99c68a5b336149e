// Turns ajv errors into French problems a vendor can act on: JSON Pointer, what is wrong, how to
// fix it (REG-DEC-06). One translation for the fixture files (simulator/services/fixture-loading) and
// the control-API request bodies (simulator/web). Needs ajv's `verbose: true`: each error then
// carries the offending value and its schema, whose French `description` says what is expected.
import type { ErrorObject } from 'ajv';
import { quoted } from './quoted-value.ts';

export interface AjvProblem {
  /** JSON Pointer (RFC 6901) of the offending value. */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

/** A caller's own message and/or fix for one keyword; `expected` is the schema's description. */
export type KeywordWording = (error: ErrorObject, expected: string | undefined) => Partial<Omit<AjvProblem, 'path'>>;

export interface AjvProblemOptions {
  /** A missing property (`required`): point at the object lacking it, or at the property itself. */
  readonly requiredAt: 'object' | 'property';
  /** Fix for a rule with no text of its own and no description: where to read the schema. */
  readonly schemaFix: string;
  /** Texts of the caller that replace the shared ones, by ajv keyword. */
  readonly wordings?: Readonly<Record<string, KeywordWording>>;
}

type Text = Omit<AjvProblem, 'path'>;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'une chaîne de caractères',
  number: 'un nombre',
  integer: 'un entier',
  boolean: 'un booléen (true ou false)',
  object: 'un objet',
  array: 'un tableau',
  null: 'null',
};

const FORMAT_HINTS: Readonly<Record<string, string>> = {
  date: 'une date AAAA-MM-JJ existante, ex. 1984-03-12',
  'date-time': 'une date et heure ISO 8601, ex. 2025-03-13T14:54:10Z',
  email: 'une adresse de messagerie',
  hostname: "un nom d'hôte",
  uri: 'une URI absolue',
};

/** The problems of a failed validation, in ajv's order, without repeats (same path and message). */
export function describeAjvErrors(errors: readonly ErrorObject[], options: AjvProblemOptions): AjvProblem[] {
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    const problem = describeAjvError(error, options);
    if (problem === undefined) return [];
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [problem];
  });
}

/** The problem of one ajv error, or `undefined` for errors that only repeat others (`if`). */
export function describeAjvError(error: ErrorObject, options: AjvProblemOptions): AjvProblem | undefined {
  if (error.keyword === 'if') return undefined; // "must match then schema": the `then` errors say what is wrong
  const expected = schemaDescription(error.parentSchema);
  const shared = sharedText(error, expected, options.schemaFix);
  const own = options.wordings?.[error.keyword]?.(error, expected) ?? {};
  return { path: problemPath(error, options.requiredAt), ...shared, ...own };
}

function problemPath(error: ErrorObject, requiredAt: AjvProblemOptions['requiredAt']): string {
  const path = error.instancePath;
  if (error.keyword === 'additionalProperties') return `${path}/${pointerToken(String(error.params['additionalProperty']))}`;
  if (error.keyword === 'required' && requiredAt === 'property') return `${path}/${pointerToken(String(error.params['missingProperty']))}`;
  return path;
}

function sharedText(error: ErrorObject, expected: string | undefined, schemaFix: string): Text {
  const value = quoted(error.data);
  switch (error.keyword) {
    case 'required': {
      const property = String(error.params['missingProperty']);
      const hint = schemaDescription(propertiesOf(error.parentSchema)[property]);
      return { message: `propriété obligatoire ${quoted(property)} absente`, fix: `ajoutez ${quoted(property)}${hint ? ` : ${hint}` : ''}` };
    }
    case 'additionalProperties': {
      const known = propertyNames(error.parentSchema);
      const admitted = known.length > 0 ? ` ; propriétés admises : ${known.join(', ')}` : '';
      return { message: `propriété ${quoted(String(error.params['additionalProperty']))} inconnue`, fix: `supprimez-la ou corrigez son nom${admitted}` };
    }
    case 'type':
      return { message: `type incorrect pour la valeur ${value}`, fix: `remplacez-la par ${typeNames(error.params['type'])}${expected ? ` ; attendu : ${expected}` : ''}` };
    case 'pattern':
      return { message: `valeur ${value} non conforme`, fix: expected ? `attendu : ${expected}` : `respectez le motif ${String(error.params['pattern'])}` };
    case 'format':
      return { message: `valeur ${value} au format incorrect`, fix: `attendu : ${expected ?? formatHint(error.params['format'])}` };
    case 'enum':
      return { message: `valeur ${value} non admise`, fix: `valeurs admises : ${listOf(error.params['allowedValues'])}` };
    case 'const':
      return { message: `valeur ${value} non admise`, fix: `valeur attendue : ${quoted(error.params['allowedValue'])}` };
    default:
      return limitText(error, expected, schemaFix);
  }
}

const BOUND_SIGNS: Readonly<Record<string, string>> = { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' };

function limitText(error: ErrorObject, expected: string | undefined, schemaFix: string): Text {
  const limit = Number(error.params['limit']);
  const hint = expected ? ` (${expected})` : '';
  switch (error.keyword) {
    case 'minLength':
      return limit === 1
        ? { message: 'valeur vide', fix: `renseignez la valeur${hint}` }
        : { message: `valeur trop courte (au moins ${limit} caractères)`, fix: expected ? `attendu : ${expected}` : 'allongez la valeur' };
    case 'maxLength':
      return { message: `valeur trop longue : au plus ${limit} caractères`, fix: `raccourcissez la valeur${hint}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { message: `valeur ${quoted(error.data)} hors limites`, fix: `donnez une valeur ${BOUND_SIGNS[error.keyword]} ${limit}${hint}` };
    case 'minItems':
      return { message: `liste trop courte (au moins ${limit} élément${limit > 1 ? 's' : ''})`, fix: expected ? `ajoutez des éléments : ${expected}` : 'ajoutez des éléments' };
    case 'maxItems':
      return { message: `liste trop longue : au plus ${limit} élément${limit > 1 ? 's' : ''}`, fix: `retirez des éléments${hint}` };
    case 'minProperties':
      return { message: `objet incomplet (au moins ${limit} propriété${limit > 1 ? 's' : ''})`, fix: expected ? `attendu : ${expected}` : schemaFix };
    case 'maxProperties':
      return { message: `trop de propriétés : au plus ${limit}`, fix: `retirez des propriétés${hint}` };
    case 'uniqueItems':
      return { message: `éléments en double (positions ${positions(error.params['i'], error.params['j'])})`, fix: 'supprimez le doublon' };
    default:
      return { message: `règle « ${error.keyword} » du schéma non respectée (${error.message ?? ''})`, fix: expected ? `attendu : ${expected}` : schemaFix };
  }
}

/** The names of the properties a schema declares (a `$ref` target's are not followed). */
export function propertyNames(schema: unknown): string[] {
  return Object.keys(propertiesOf(schema));
}

/** French names of ajv's `type` parameter: one type, a list, or a comma-separated list. */
export function typeNames(type: unknown): string {
  const types: unknown[] = Array.isArray(type) ? type : String(type).split(',');
  return types.map((name) => TYPE_NAMES[String(name)] ?? String(name)).join(' ou ');
}

/** What a value of a known `format` looks like, e.g. « une date AAAA-MM-JJ existante… ». */
export function formatHint(format: unknown): string {
  return FORMAT_HINTS[String(format)] ?? `format ${String(format)}`;
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  const properties = (schema as { properties?: unknown } | null | undefined)?.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}

/** The French `description` of a schema without its final full stop (it ends up inside a sentence). */
function schemaDescription(schema: unknown): string | undefined {
  const description = (schema as { description?: unknown } | null | undefined)?.description;
  return typeof description === 'string' ? description.replace(/\.$/, '') : undefined;
}

function positions(i: unknown, j: unknown): string {
  return [Number(i), Number(j)].sort((a, b) => a - b).join(' et ');
}

function listOf(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => quoted(value)).join(', ') : quoted(values);
}

/** RFC 6901 §3. */
function pointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}
