// Checks, in tests, that an actual answer of the control API matches what openapi.json says
// of that operation and status: the document is a contract vendors rely on, not prose.
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../openapi-document.ts';
import type { ApiAnswer } from './api-client.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const DOCUMENT_ID = 'https://mssante-simulateur.example/openapi.json';

export type ResponseChecker = (method: string, pathTemplate: string, answer: ApiAnswer) => void;

export function openApiResponseChecker(document: OpenApiDocument): ResponseChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  return (method, pathTemplate, answer) => {
    const operation = document.paths[pathTemplate]?.[method.toLowerCase()] as { responses?: Record<string, DocumentedResponse> } | undefined;
    assert.ok(operation, `${method} ${pathTemplate} is documented`);
    const found = operation.responses?.[String(answer.status)];
    assert.ok(found, `${method} ${pathTemplate} documents status ${answer.status}`);
    const [response, pointer] = resolveResponse(document, found, ['paths', pathTemplate, method.toLowerCase(), 'responses', String(answer.status)]);
    const mediaType = answer.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    if (answer.status === 204) return assert.equal(response.content, undefined);
    assert.ok(response.content?.[mediaType], `${method} ${pathTemplate} ${answer.status} documents ${mediaType}`);
    if (mediaType !== 'application/json') return;
    const schemaPointer = [...pointer, 'content', 'application/json', 'schema'].map(escape).join('/');
    const validate = ajv.getSchema(`${DOCUMENT_ID}#/${schemaPointer}`);
    assert.ok(validate, `schema of ${method} ${pathTemplate} ${answer.status} compiles`);
    assert.ok(validate(answer.body), `${method} ${pathTemplate} ${answer.status} matches openapi.json: ${ajv.errorsText(validate.errors)}`);
  };
}

interface DocumentedResponse {
  readonly $ref?: string;
  readonly content?: Record<string, unknown>;
}

/** Follows a `#/components/responses/<name>` reference; returns the response and its JSON pointer tokens. */
function resolveResponse(document: OpenApiDocument, response: DocumentedResponse, pointer: string[]): [DocumentedResponse, string[]] {
  const name = response.$ref?.replace('#/components/responses/', '');
  if (name === undefined) return [response, pointer];
  const components = (document.components as { responses?: Record<string, DocumentedResponse> }).responses ?? {};
  const target = components[name];
  assert.ok(target, `${response.$ref} resolves`);
  return [target, ['components', 'responses', name]];
}

function escape(token: string): string {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
}
