// One stored message: metadata with its full MIME parse (bounce fields included), or the raw
// bytes as received, for clients and reviewers to inspect (evidence, REG-DEC-04).
import { apiErrors } from '../api-errors.ts';
import { bytes, json } from '../http-response.ts';
import { messageDetail } from '../message-views.ts';
import type { Route } from '../route.ts';
import { pathParam, type ControlApiDeps } from './control-api-deps.ts';

export function messageRoutes(deps: ControlApiDeps): Route[] {
  const find = (id: string) => {
    const message = deps.space.store.get(id);
    if (!message) throw apiErrors.unknownMessage(id);
    return message;
  };
  return [
    {
      method: 'GET',
      path: '/api/messages/{id}',
      handler: async (context) => {
        const message = find(pathParam(context, 'id'));
        return json(messageDetail(message, await deps.parseMessage(message.raw)));
      },
    },
    {
      method: 'GET',
      path: '/api/messages/{id}/raw',
      handler: (context) => {
        const message = find(pathParam(context, 'id'));
        return bytes(message.raw, 'message/rfc822', { 'Content-Disposition': `attachment; filename="${message.id}.eml"` });
      },
    },
  ];
}
