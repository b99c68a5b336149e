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

/**
 * The schemas of one directory, each compiled on its first use: a start compiles none (about 70 ms
 * of CPU for all of them), and most runs use a few. request-validator.test.ts compiles them all.
 */
class SchemaSet {
  readonly schemas = new Map<string, Record<string, unknown>>();
  readonly #validators = new Map<string, ValidateFunction>();
  #ajv: Ajv2020 | undefined;

  constructor(files: readonly { readonly file: string; readonly text: string }[]) {
    for (const { file, text } of files) this.schemas.set(file.slice(0, -SCHEMA_SUFFIX.length), JSON.parse(text) as Record<string, unknown>);
  }

  validator(name: string): ValidateFunction | undefined {
    const known = this.#validators.get(name);
    if (known) return known;
    const schema = this.schemas.get(name);
    if (!schema) return undefined;
    if (!this.#ajv) addFormats((this.#ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true })));
    const validate = this.#ajv.compile(schema);
    this.#validators.set(name, validate);
    return validate;
  }
}

/** One set per process for the same schema files (every trust space of a test process). */
const sets = new Map<string, SchemaSet>();

export class RequestValidator {
  readonly #set: SchemaSet;

  /** Reads every `<name>.schema.json` of `schemaDir` (malformed JSON fails here, at start). */
  constructor(schemaDir: string = DEFAULT_SCHEMA_DIR) {
    const files = readdirSync(schemaDir).filter((f) => f.endsWith(SCHEMA_SUFFIX)).sort().map((file) => ({ file, text: readFileSync(`${schemaDir}/${file}`, 'utf8') }));
    const key = JSON.stringify(files);
    let set = sets.get(key);
    if (!set) sets.set(key, (set = new SchemaSet(files)));
    this.#set = set;
  }

  /** Compiles every schema now (a test: none of them is broken). */
  compileAll(): void {
    for (const name of this.#set.schemas.keys()) this.#set.validator(name);
  }

  /** Schema contents by name (file name without `.schema.json`), for the OpenAPI document. */
  schemas(): ReadonlyMap<string, Readonly<Record<string, unknown>>> {
    return this.#set.schemas;
  }

  /** The body as `T`, or an ApiError (400/415) saying everything that is wrong with it. */
  parseBody<T>(context: RequestContext, schemaName: string): T {
    const validate = this.#set.validator(schemaName);
    if (!validate) throw new Error(`no request schema named ${schemaName}`);
    const data = parseJson(context);
    if (!validate(data)) throw apiErrors.invalidBody(describeBodyErrors(validate.errors ?? []));
    return data as T;
  }
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
