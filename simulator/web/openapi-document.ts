// The OpenAPI 3.1 description of the control API. On disk (openapi.json, beside the schemas)
// request bodies point at the schema files (`./schemas/<name>.schema.json`) so that tools
// reading the folder resolve them; served, the document is self-contained: each file's
// content becomes `components.schemas.<name>` and the references point there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_OPENAPI_PATH = fileURLToPath(new URL('./openapi.json', import.meta.url));

const FILE_REF = /^\.\/schemas\/([a-z0-9-]+)\.schema\.json$/;

export type OpenApiDocument = Record<string, unknown> & {
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, unknown> };
};

export function loadOpenApiDocument(schemas: ReadonlyMap<string, unknown>, path: string = DEFAULT_OPENAPI_PATH): OpenApiDocument {
  const document = JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  const bundled = bundleRefs(document, schemas, path) as OpenApiDocument;
  for (const [name, schema] of schemas) {
    if (name in bundled.components.schemas) throw new Error(`${path}: components.schemas.${name} clashes with the request schema of the same name`);
    bundled.components.schemas[name] = schema;
  }
  return bundled;
}

/** A deep copy where every `$ref` to a schema file points at its component. */
function bundleRefs(node: unknown, schemas: ReadonlyMap<string, unknown>, path: string): unknown {
  if (Array.isArray(node)) return node.map((item) => bundleRefs(item, schemas, path));
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const file = key === '$ref' && typeof value === 'string' ? FILE_REF.exec(value) : null;
    if (file?.[1] !== undefined) {
      if (!schemas.has(file[1])) throw new Error(`${path}: $ref ${String(value)} names no schema file`);
      copy[key] = `#/components/schemas/${file[1]}`;
    } else {
      copy[key] = bundleRefs(value, schemas, path);
    }
  }
  return copy;
}

/** `GET /api/health`-style keys of every operation, e.g. for the routes ↔ document check. */
export function documentedOperations(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
}
