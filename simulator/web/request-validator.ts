// Validates every control-API request body at the boundary (REG-DEC-06): media type,
// then the bounded JSON reader (UTF-8, nesting depth, syntax with the error position; the HTTP
// server already limits the size), then the JSON Schema (draft 2020-12) of that body, one file
// per body in ./schemas/, reporting ALL problems at once.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { apiErrors } from './api-errors.ts';
import { describeBodyErrors } from './body-problems.ts';
import { JSON_MAX_DEPTH, readBoundedJson } from '../validation/bounded-json.ts';
import type { RequestContext } from './route.ts';

export const DEFAULT_SCHEMA_DIR = fileURLToPath(new URL('./schemas/', import.meta.url));
const SCHEMA_SUFFIX = '.schema.json';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

interface CompiledSchemas {
  readonly validators: ReadonlyMap<string, ValidateFunction>;
  readonly schemas: ReadonlyMap<string, Record<string, unknown>>;
}

/** Compiled once per process for the same schema files (every trust space of a test process). */
const compiled = new Map<string, CompiledSchemas>();

export class RequestValidator {
  readonly #validators: ReadonlyMap<string, ValidateFunction>;
  readonly #schemas: ReadonlyMap<string, Record<string, unknown>>;

  /** Loads every `<name>.schema.json` of `schemaDir`; a broken schema fails here, at start. */
  constructor(schemaDir: string = DEFAULT_SCHEMA_DIR) {
    const files = readdirSync(schemaDir).filter((f) => f.endsWith(SCHEMA_SUFFIX)).sort().map((file) => ({ file, text: readFileSync(`${schemaDir}/${file}`, 'utf8') }));
    const key = JSON.stringify(files);
    let ready = compiled.get(key);
    if (!ready) {
      ready = compileAll(files);
      compiled.set(key, ready);
    }
    this.#validators = ready.validators;
    this.#schemas = ready.schemas;
  }

  /** Schema contents by name (file name without `.schema.json`), for the OpenAPI document. */
  schemas(): ReadonlyMap<string, Readonly<Record<string, unknown>>> {
    return this.#schemas;
  }

  /** The body as `T`, or an ApiError (400/415) saying everything that is wrong with it. */
  parseBody<T>(context: RequestContext, schemaName: string): T {
    const validate = this.#validators.get(schemaName);
    if (!validate) throw new Error(`no request schema named ${schemaName}`);
    const data = parseJson(context);
    if (!validate(data)) throw apiErrors.invalidBody(describeBodyErrors(validate.errors ?? []));
    return data as T;
  }
}

function compileAll(files: readonly { readonly file: string; readonly text: string }[]): CompiledSchemas {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  const schemas = new Map<string, Record<string, unknown>>();
  for (const { file, text } of files) {
    const schema = JSON.parse(text) as Record<string, unknown>;
    const name = file.slice(0, -SCHEMA_SUFFIX.length);
    schemas.set(name, schema);
    validators.set(name, ajv.compile(schema));
  }
  return { validators, schemas };
}

function parseJson(context: RequestContext): unknown {
  const contentType = context.headers['content-type'];
  if (contentType !== undefined && !isJsonMediaType(contentType)) throw apiErrors.unsupportedMediaType(contentType);
  if (context.body.length === 0) throw apiErrors.emptyBody();
  // The HTTP server has already refused a body over its limit (413).
  const read = readBoundedJson(context.body, { maxDepth: JSON_MAX_DEPTH, maxBytes: Number.POSITIVE_INFINITY });
  if (read.ok) return read.value;
  const refusal = read.refusal;
  switch (refusal.kind) {
    case 'not-utf8':
      throw apiErrors.bodyNotUtf8(refusal.byteOffset);
    case 'too-deep':
      throw apiErrors.jsonTooDeep(refusal);
    case 'syntax':
      throw apiErrors.malformedJson(refusal);
    case 'too-large':
      throw apiErrors.bodyTooLarge(refusal.limit);
  }
}

/** `application/json` or any `+json` type (RFC 6839 §3.1), parameters ignored. */
function isJsonMediaType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}
