// The published JSON Schema of conformite-synthese.json, compiled once (ajv 2020-12 + formats):
// the tests check every summary the suite writes against the file vendors read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SUMMARY_SCHEMA_PATH } from './conformance-summary.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let compiled: ValidateFunction | undefined;

/** The problems of a summary against the schema, as « /json/path message » lines; empty when valid. */
export function summarySchemaProblems(summary: unknown): string[] {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${SUMMARY_SCHEMA_PATH}`, import.meta.url)), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled(summary) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
