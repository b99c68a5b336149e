// The document checks of one message (SC.MSS/CONF.14, 15, 23, 24, 25), for the web UI's
// « Archive XDM » panel and for vendors: by transmission (as received) or by stored copy.
// `{ documentMessage: false }` for a message with neither archive nor document headers.
import { readDocumentMessage } from '../../services/documents/read-document-message.ts';
import { apiErrors } from '../api-errors.ts';
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import { pathParam, type ControlApiDeps } from './control-api-deps.ts';

export function documentArchiveRoutes({ space }: ControlApiDeps): Route[] {
  const answer = async (raw: Buffer) => {
    const report = await readDocumentMessage(raw);
    return json(report ? { documentMessage: true, ...report } : { documentMessage: false });
  };
  return [
    {
      method: 'GET',
      path: '/api/transmissions/{id}/documents',
      handler: async (context) => {
        const id = pathParam(context, 'id');
        const transmission = space.transmissions.get(id);
        if (!transmission) throw apiErrors.unknownTransmission(id);
        return answer(transmission.raw);
      },
    },
    {
      method: 'GET',
      path: '/api/messages/{id}/documents',
      handler: async (context) => {
        const id = pathParam(context, 'id');
        const message = space.store.get(id);
        if (!message) throw apiErrors.unknownMessage(id);
        return answer(message.raw);
      },
    },
  ];
}
