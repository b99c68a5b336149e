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
    const operation = document.paths[pathTemplate]?.[method.toLowerCase()] as { responses?: Record<string, { content?: Record<string, unknown> }> } | undefined;
    assert.ok(operation, `${method} ${pathTemplate} is documented`);
    const response = operation.responses?.[String(answer.status)];
    assert.ok(response, `${method} ${pathTemplate} documents status ${answer.status}`);
    const mediaType = answer.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    if (answer.status === 204) return assert.equal(response.content, undefined);
    assert.ok(response.content?.[mediaType], `${method} ${pathTemplate} ${answer.status} documents ${mediaType}`);
    if (mediaType !== 'application/json') return;
    const pointer = ['paths', pathTemplate, method.toLowerCase(), 'responses', String(answer.status), 'content', 'application/json', 'schema'].map(escape).join('/');
    const validate = ajv.getSchema(`${DOCUMENT_ID}#/${pointer}`);
    assert.ok(validate, `schema of ${method} ${pathTemplate} ${answer.status} compiles`);
    assert.ok(validate(answer.body), `${method} ${pathTemplate} ${answer.status} matches openapi.json: ${ajv.errorsText(validate.errors)}`);
  };
}

function escape(token: string): string {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
}
