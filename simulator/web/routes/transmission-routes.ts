// Every message the trust space accepted over SMTP, once, as received, with what happened to
// each recipient: the traffic the harness judges (REG-DEC-04); `?offset=&limit=` pages it (list-window.ts).
import { apiErrors } from '../api-errors.ts';
import { bytes, json } from '../http-response.ts';
import { transmissionSummary } from '../message-views.ts';
import type { Route } from '../route.ts';
import { pathParam, type ControlApiDeps } from './control-api-deps.ts';
import { listWindow, windowOf } from './list-window.ts';

export function transmissionRoutes({ space }: ControlApiDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/transmissions',
      handler: ({ query }) => {
        const window = windowOf(space.transmissions.all(), listWindow(query));
        return json(window.items.map(transmissionSummary), 200, window.headers);
      },
    },
    {
      method: 'GET',
      path: '/api/transmissions/{id}/raw',
      handler: (context) => {
        const id = pathParam(context, 'id');
        const transmission = space.transmissions.get(id);
        if (!transmission) throw apiErrors.unknownTransmission(id);
        return bytes(transmission.raw, 'message/rfc822', { 'Content-Disposition': `attachment; filename="${transmission.id}.eml"` });
      },
    },
  ];
}
