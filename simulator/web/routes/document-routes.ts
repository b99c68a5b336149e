// Documents clients download: the OpenAPI description of this API, the JSON Schemas of its
// request bodies, and the test CA certificate so that clients can trust the simulator's TLS
// (REG-TLS-04).
import { apiErrors } from '../api-errors.ts';
import { bytes, json } from '../http-response.ts';
import type { Route } from '../route.ts';
import type { ControlApiDeps } from './control-api-deps.ts';

export function documentRoutes(deps: ControlApiDeps, openApiDocument: () => unknown): Route[] {
  const caCertificate = () => bytes(Buffer.from(deps.space.caCertPem, 'utf8'), 'application/x-pem-file');
  return [
    { method: 'GET', path: '/api/openapi.json', handler: () => json(openApiDocument()) },
    {
      method: 'GET',
      path: '/api/schemas/{name}',
      handler: (context) => {
        const name = (context.params['name'] ?? '').replace(/\.schema\.json$/, '');
        const schema = deps.validator.schemas().get(name);
        if (!schema) throw apiErrors.unknownSchema(name);
        return { status: 200, text: JSON.stringify(schema, null, 2), contentType: 'application/schema+json; charset=utf-8' };
      },
    },
    { method: 'GET', path: '/api/pki/ca.pem', handler: caCertificate },
    { method: 'GET', path: '/ca.crt', handler: caCertificate },
  ];
}
