import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describeAjvError, describeAjvErrors, formatHint, propertyNames, typeNames, type AjvProblemOptions } from './ajv-problems.ts';

const AT_OBJECT: AjvProblemOptions = { requiredAt: 'object', schemaFix: 'consultez le schéma' };
const AT_PROPERTY: AjvProblemOptions = { requiredAt: 'property', schemaFix: 'voir /schema.json' };

function error(keyword: string, params: Record<string, unknown>, data: unknown, parentSchema: object = {}): ErrorObject {
  return { keyword, instancePath: '/x/0', schemaPath: '#', params, data, parentSchema };
}

describe('describeAjvError', () => {
  it('drops the `if` errors that only repeat the `then` branch', () => {
    assert.equal(describeAjvError(error('if', { failingKeyword: 'then' }, {}), AT_OBJECT), undefined);
  });

  it('points a missing property at its object or at itself, with the description of the property', () => {
    const missing = error('required', { missingProperty: 'a/b' }, {}, { properties: { 'a/b': { description: 'objet du message.' } } });
    const text = { message: 'propriété obligatoire « a/b » absente', fix: 'ajoutez « a/b » : objet du message' };
    assert.deepEqual(describeAjvError(missing, AT_OBJECT), { path: '/x/0', ...text });
    assert.deepEqual(describeAjvError(missing, AT_PROPERTY), { path: '/x/0/a~1b', ...text });
  });

  it('points an unknown property at itself and lists the known ones', () => {
    assert.deepEqual(describeAjvError(error('additionalProperties', { additionalProperty: 'c~d' }, {}, { properties: { kind: {}, idNat: {} } }), AT_OBJECT), {
      path: '/x/0/c~0d',
      message: 'propriété « c~d » inconnue',
      fix: 'supprimez-la ou corrigez son nom ; propriétés admises : kind, idNat',
    });
  });

  it('explains type, pattern, format, enum and const errors', () => {
    const described = (keyword: string, params: Record<string, unknown>, data: unknown, parent: object = {}) => {
      const problem = describeAjvError(error(keyword, params, data, parent), AT_OBJECT);
      return [problem?.message, problem?.fix];
    };
    assert.deepEqual(described('type', { type: 'string' }, 3, { description: 'prénom' }), ['type incorrect pour la valeur « 3 »', 'remplacez-la par une chaîne de caractères ; attendu : prénom']);
    assert.deepEqual(described('pattern', { pattern: '^\\d{5}$' }, '4999'), ['valeur « 4999 » non conforme', 'respectez le motif ^\\d{5}$']);
    assert.deepEqual(described('format', { format: 'date' }, '1938-02-30'), ['valeur « 1938-02-30 » au format incorrect', 'attendu : une date AAAA-MM-JJ existante, ex. 1984-03-12']);
    assert.deepEqual(described('format', { format: 'email' }, 'x', { description: 'adresse nue' }), ['valeur « x » au format incorrect', 'attendu : adresse nue']);
    assert.deepEqual(described('enum', { allowedValues: ['F', 'M'] }, 'X'), ['valeur « X » non admise', 'valeurs admises : « F », « M »']);
    assert.deepEqual(described('const', { allowedValue: 'patient' }, 'patiente'), ['valeur « patiente » non admise', 'valeur attendue : « patient »']);
  });

  it('explains limits and falls back on the schema for other rules', () => {
    const described = (keyword: string, params: Record<string, unknown>, data: unknown, parent: object = {}) => {
      const problem = describeAjvError(error(keyword, params, data, parent), AT_PROPERTY);
      return [problem?.message, problem?.fix];
    };
    assert.deepEqual(described('minLength', { limit: 1 }, '', { description: 'objet' }), ['valeur vide', 'renseignez la valeur (objet)']);
    assert.deepEqual(described('minLength', { limit: 3 }, 'ab'), ['valeur trop courte (au moins 3 caractères)', 'allongez la valeur']);
    assert.deepEqual(described('maxLength', { limit: 5 }, 'abcdef'), ['valeur trop longue : au plus 5 caractères', 'raccourcissez la valeur']);
    assert.deepEqual(described('maximum', { limit: 86400 }, 90000, { description: 'durée' }), ['valeur « 90000 » hors limites', 'donnez une valeur ≤ 86400 (durée)']);
    assert.deepEqual(described('minItems', { limit: 2 }, []), ['liste trop courte (au moins 2 éléments)', 'ajoutez des éléments']);
    assert.deepEqual(described('maxItems', { limit: 20 }, [], { description: 'destinataires' }), ['liste trop longue : au plus 20 éléments', 'retirez des éléments (destinataires)']);
    assert.deepEqual(described('exclusiveMinimum', { limit: 0 }, 0), ['valeur « 0 » hors limites', 'donnez une valeur > 0']);
    assert.deepEqual(described('maxProperties', { limit: 1 }, {}), ['trop de propriétés : au plus 1', 'retirez des propriétés']);
    assert.deepEqual(described('minProperties', { limit: 1 }, {}), ['objet incomplet (au moins 1 propriété)', 'voir /schema.json']);
    assert.deepEqual(described('uniqueItems', { i: 3, j: 1 }, []), ['éléments en double (positions 1 et 3)', 'supprimez le doublon']);
    const other = describeAjvError({ ...error('multipleOf', { multipleOf: 2 }, 3), message: 'must be multiple of 2' }, AT_PROPERTY);
    assert.deepEqual([other?.message, other?.fix], ['règle « multipleOf » du schéma non respectée (must be multiple of 2)', 'voir /schema.json']);
  });

  it("lets a caller replace the message or the fix of a keyword, keeping the shared rest", () => {
    const options: AjvProblemOptions = { ...AT_OBJECT, wordings: { enum: () => ({ fix: 'choisissez une valeur de la liste' }) } };
    assert.deepEqual(describeAjvError(error('enum', { allowedValues: ['F'] }, 'X'), options), {
      path: '/x/0',
      message: 'valeur « X » non admise',
      fix: 'choisissez une valeur de la liste',
    });
  });
});

describe('describeAjvErrors', () => {
  it('reports every problem of a real validation once, in order', () => {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    const validate = ajv.compile({
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { enum: ['a', 'b'] } } },
    });
    assert.equal(validate({ tags: ['c', 'c'], other: 1 }), false);
    assert.deepEqual(
      describeAjvErrors(validate.errors ?? [], AT_PROPERTY).map((problem) => `${problem.path} ${problem.message}`),
      ['/name propriété obligatoire « name » absente', '/other propriété « other » inconnue', '/tags/0 valeur « c » non admise', '/tags/1 valeur « c » non admise'],
    );
  });

  it('drops a problem repeating the path and message of an earlier one', () => {
    const twice = [error('const', { allowedValue: 'a' }, 'b'), error('const', { allowedValue: 'c' }, 'b')];
    assert.equal(describeAjvErrors(twice, AT_OBJECT).length, 1);
  });
});

describe('naming helpers', () => {
  it('names types in French, from a list or a comma-separated string', () => {
    assert.equal(typeNames('integer'), 'un entier');
    assert.equal(typeNames(['string', 'null']), 'une chaîne de caractères ou null');
    assert.equal(typeNames('object,array'), 'un objet ou un tableau');
  });

  it('hints at known formats and names the others', () => {
    assert.equal(formatHint('email'), 'une adresse de messagerie');
    assert.equal(formatHint('ipv4'), 'format ipv4');
  });

  it('lists the declared properties of a schema', () => {
    assert.deepEqual(propertyNames({ properties: { a: {}, b: {} } }), ['a', 'b']);
    assert.deepEqual(propertyNames(undefined), []);
  });
});
