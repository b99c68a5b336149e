// The journal: SMTP (later IMAP) transcripts, one per connection, as JSON or as text for
// reports and evidence (`Accept: text/plain`).
import { apiErrors } from '../api-errors.ts';
import { json, text } from '../http-response.ts';
import type { Route } from '../route.ts';
import { pathParam, type ControlApiDeps } from './control-api-deps.ts';

export function journalRoutes({ space }: ControlApiDeps): Route[] {
  return [
    { method: 'GET', path: '/api/journal', handler: () => json(space.journal.connections()) },
    {
      method: 'GET',
      path: '/api/journal/{connectionId}',
      handler: (context) => {
        const id = pathParam(context, 'connectionId');
        const transcript = space.journal.transcript(id);
        if (!transcript) throw apiErrors.unknownConnection(id);
        return prefersText(context.headers.accept) ? text(space.journal.format(id)) : json(transcript);
      },
    },
  ];
}

/** `text/plain` asked for and JSON not: a deliberately small reading of RFC 9110 §12.5.1. */
function prefersText(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  return types.includes('text/plain') && !types.includes('application/json');
}
