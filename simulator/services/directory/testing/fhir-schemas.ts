// Validates, in tests, what the simulated Annuaire Santé emits against the JSON Schemas of
// ../schemas (draft 2020-12): every resource, bundle and OperationOutcome must pass.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));
const BASE_ID = 'https://mssante-simulateur.example/schemas/annuaire/';

export type FhirSchemaName = 'bundle' | 'practitioner' | 'practitioner-role' | 'organization' | 'operation-outcome' | 'capability-statement';

// strictRequired off: the if/else of the resource schemas require properties declared beside them.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}/${file}`, 'utf8')) as object);
}

/** Problems of `value` against a schema, as ajv text; '' when valid. */
export function fhirSchemaErrors(name: FhirSchemaName, value: unknown): string {
  const validate = ajv.getSchema(`${BASE_ID}${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate(value) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

export function assertFhirValid(name: FhirSchemaName, value: unknown): void {
  const errors = fhirSchemaErrors(name, value);
  assert.equal(errors, '', `${name} invalide :\n${errors}`);
}

/** The schema a response body must match: OperationOutcome for errors, else by resourceType. */
export function assertFhirResponseValid(body: { resourceType?: unknown }): void {
  const names: Record<string, FhirSchemaName> = {
    Bundle: 'bundle', Practitioner: 'practitioner', PractitionerRole: 'practitioner-role', Organization: 'organization',
    OperationOutcome: 'operation-outcome', CapabilityStatement: 'capability-statement',
  };
  const name = names[String(body.resourceType)];
  assert.ok(name, `resourceType inattendu : ${String(body.resourceType)}`);
  assertFhirValid(name, body);
}
