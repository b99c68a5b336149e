// The Annuaire Santé, liste blanche, extraction and autoconfig publications as observed: each
// request answered on the HTTP port, by the direct search route or by the msw handlers, becomes
// a `directory-request` observation (route, query parameters, status), so that a check can ask
// which searches a client made.
import type { DirectAnswerer } from '../web/http-server.ts';
import type { ObservationSink } from './observation-sink.ts';

type Fallback = (request: Request) => Promise<Response | undefined>;

export interface DirectoryAnswerers {
  readonly fallback: Fallback;
  readonly direct: DirectAnswerer;
}

export function observeDirectory(answerers: DirectoryAnswerers, sink: ObservationSink): DirectoryAnswerers {
  const observe = (method: string, url: URL, status: number) =>
    sink.publish({ type: 'directory-request', method, route: url.pathname, parameters: Object.fromEntries(url.searchParams), status });
  return {
    direct: (method, url, headers) => {
      const answer = answerers.direct(method, url, headers);
      if (answer) observe(method, url, answer.status ?? 200);
      return answer;
    },
    fallback: async (request) => {
      const response = await answerers.fallback(request);
      if (response) observe(request.method, new URL(request.url), response.status);
      return response;
    },
  };
}
