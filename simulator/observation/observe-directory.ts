// The Annuaire Santé, liste blanche, extraction and autoconfig publications as observed: each
// request answered on the HTTP port becomes a `directory-request` observation (route, query
// parameters, status), so that a check can ask which searches a client made.
import type { ObservationSink } from './observation-sink.ts';

type Fallback = (request: Request) => Promise<Response | undefined>;

export function observeDirectory(fallback: Fallback, sink: ObservationSink): Fallback {
  return async (request) => {
    const response = await fallback(request);
    if (response) {
      const url = new URL(request.url);
      sink.publish({ type: 'directory-request', method: request.method, route: url.pathname, parameters: Object.fromEntries(url.searchParams), status: response.status });
    }
    return response;
  };
}
