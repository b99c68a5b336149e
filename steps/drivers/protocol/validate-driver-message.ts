// Validates the JSON of the HTTP adapter protocol against its schemas (./schemas/, draft
// 2020-12), reporting ALL problems at once, in French (REG-DEC-06). Schemas are
// compiled once, on first use. Requests are what the harness sends; responses what the
// adapter answers (a malformed one is a setup error).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describeAjvErrors, type AjvProblem } from '../../../simulator/tooling-api.ts';
import { DRIVER_PROBLEM_WORDING } from './driver-problem-wording.ts';
import type { DriverOperation, DriverRequestBodies, DriverResponseBodies, RequestOperation } from './driver-operations.ts';

export const DRIVER_SCHEMA_DIR = fileURLToPath(new URL('./schemas/', import.meta.url));
const SCHEMA_SUFFIX = '.schema.json';

/** One thing wrong in a driver message: JSON Pointer, what is wrong, how to fix it. */
export type DriverProblem = AjvProblem;

export type DriverValidation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly DriverProblem[] };

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let validators: ReadonlyMap<string, ValidateFunction> | undefined;

/** The adapter's answer to `operation`, typed, or every problem it has. */
export function validateDriverResponse<O extends DriverOperation>(operation: O, body: unknown): DriverValidation<DriverResponseBodies[O]> {
  return validate(`${operation}-response`, body);
}

/** The harness's request for `operation`, typed, or every problem it has. */
export function validateDriverRequest<O extends RequestOperation>(operation: O, body: unknown): DriverValidation<DriverRequestBodies[O]> {
  return validate(`${operation}-request`, body);
}

/** The schema file names (without `.schema.json`), for tests and documentation. */
export function driverSchemaNames(): string[] {
  return [...compiled().keys()].sort();
}

function validate<T>(schemaName: string, body: unknown): DriverValidation<T> {
  const check = compiled().get(schemaName);
  if (check === undefined) throw new Error(`no driver schema named ${schemaName}`);
  if (check(body)) return { ok: true, value: body as T };
  return { ok: false, problems: describeAjvErrors(check.errors ?? [], DRIVER_PROBLEM_WORDING) };
}

function compiled(): ReadonlyMap<string, ValidateFunction> {
  validators ??= compileAll();
  return validators;
}

function compileAll(): ReadonlyMap<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, discriminator: true });
  addFormats(ajv);
  const names = readdirSync(DRIVER_SCHEMA_DIR).filter((file) => file.endsWith(SCHEMA_SUFFIX)).sort();
  for (const file of names) ajv.addSchema(JSON.parse(readFileSync(`${DRIVER_SCHEMA_DIR}/${file}`, 'utf8')) as object);
  const result = new Map<string, ValidateFunction>();
  for (const file of names.filter((name) => name !== `definitions${SCHEMA_SUFFIX}`)) {
    const id = `https://mssante-simulateur.example/schemas/driver/${file}`;
    const check = ajv.getSchema(id);
    if (check === undefined) throw new Error(`driver schema ${file} lacks $id ${id}`);
    result.set(file.slice(0, -SCHEMA_SUFFIX.length), check);
  }
  return result;
}
