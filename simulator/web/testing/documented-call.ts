// For tests of a running simulator's HTTP API: calls it, and checks every JSON answer against what
// openapi.json (as served) says of that operation and status, finding the operation's path
// template from the path called. Binary answers (documents, attachments) are returned unchecked.
import { openApiResponseChecker } from './openapi-response-checker.ts';
import { call, type ApiAnswer } from './api-client.ts';

export type DocumentedCall = (method: string, path: string, body?: unknown) => Promise<ApiAnswer>;

export async function documentedCaller(baseUrl: string): Promise<DocumentedCall> {
  const document = (await call(baseUrl, 'GET', '/api/openapi.json')).body;
  const check = openApiResponseChecker(document);
  const templates = Object.keys(document.paths as Record<string, unknown>);
  return async (method, path, body) => {
    const answer = await call(baseUrl, method, path, body);
    if (answer.headers.get('content-type')?.startsWith('application/json')) check(method, templateOf(templates, path), answer);
    return answer;
  };
}

/** The documented template a concrete path matches, literal segments first: `/api/patient-app/{ins}` for `/api/patient-app/2840…`. */
export function templateOf(templates: readonly string[], path: string): string {
  const segments = (path.split('?')[0] ?? '').split('/').map((s) => decodeURIComponent(s));
  const matching = templates.filter((template) => {
    const parts = template.split('/');
    return parts.length === segments.length && parts.every((part, i) => (part.startsWith('{') ? segments[i] !== '' : part === segments[i]));
  });
  const literals = (template: string) => template.split('/').filter((part) => !part.startsWith('{')).length;
  const best = matching.sort((a, b) => literals(b) - literals(a))[0];
  if (!best) throw new Error(`no documented operation for ${path}`);
  return best;
}
