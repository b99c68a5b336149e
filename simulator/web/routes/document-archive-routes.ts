// The document checks of one message (SC.MSS/CONF.14, 15, 23, 24, 25), for the web UI's
// « Archive XDM » panel and for vendors: by transmission (as received) or by stored copy.
// `{ documentMessage: false }` for a message with neither archive nor document headers.
import { readDocumentMessage } from '../../services/documents/read-document-message.ts';
import { apiErrors } from '../api-errors.ts';
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import { pathParam, type ControlApiDeps } from './control-api-deps.ts';

export function documentArchiveRoutes({ space }: ControlApiDeps): Route[] {
  const route = (path: string, rawOf: (id: string) => Buffer | undefined, unknown: (id: string) => Error): Route => ({
    method: 'GET',
    path,
    handler: async (context) => {
      const id = pathParam(context, 'id');
      const raw = rawOf(id);
      if (!raw) throw unknown(id);
      const report = await readDocumentMessage(raw);
      return json(report ? { documentMessage: true, ...report } : { documentMessage: false });
    },
  });
  return [
    route('/api/transmissions/{id}/documents', (id) => space.transmissions.get(id)?.raw, apiErrors.unknownTransmission),
    route('/api/messages/{id}/documents', (id) => space.store.get(id)?.raw, apiErrors.unknownMessage),
  ];
}
