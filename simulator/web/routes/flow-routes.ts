// GET /api/flow: the live flow, newest first, paged, filtered by mailbox, patient
// (matricule INS) or scenario label. The same entries arrive live on GET /api/events (`flow`).
import type { FlowRecorder } from '../../observation/live-flow/flow-recorder.ts';
import { MAX_FLOW_LIMIT, DEFAULT_FLOW_LIMIT } from '../../observation/live-flow/flow-query.ts';
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import { insParam } from './control-api-deps.ts';
import { MAX_OFFSET, queryInteger } from './list-window.ts';

export function flowRoutes(flow: FlowRecorder): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/flow',
      handler: ({ query }) => {
        const mailbox = query.get('mailbox');
        const patient = query.get('patient');
        const scenario = query.get('scenario');
        return json(
          flow.list({
            offset: queryInteger(query.get('offset'), 'offset', 0, MAX_OFFSET),
            limit: queryInteger(query.get('limit'), 'limit', DEFAULT_FLOW_LIMIT, MAX_FLOW_LIMIT),
            ...(mailbox ? { mailbox } : {}),
            ...(patient ? { patient: insParam(patient) } : {}),
            ...(scenario !== null ? { scenario } : {}),
          }),
        );
      },
    },
  ];
}

