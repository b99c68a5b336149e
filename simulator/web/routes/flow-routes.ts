// GET /api/flow: the live flow, newest first, paged, filtered by mailbox, patient
// (matricule INS) or scenario label. The same entries arrive live on GET /api/events (`flow`).
import type { FlowRecorder } from '../../observation/live-flow/flow-recorder.ts';
import { MAX_FLOW_LIMIT, DEFAULT_FLOW_LIMIT } from '../../observation/live-flow/flow-query.ts';
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import { insParam } from './control-api-deps.ts';
import { liveApiErrors } from './live-api-errors.ts';

const MAX_OFFSET = 1_000_000;

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
            offset: integer(query.get('offset'), 'offset', 0, MAX_OFFSET),
            limit: integer(query.get('limit'), 'limit', DEFAULT_FLOW_LIMIT, MAX_FLOW_LIMIT),
            ...(mailbox ? { mailbox } : {}),
            ...(patient ? { patient: insParam(patient) } : {}),
            ...(scenario !== null ? { scenario } : {}),
          }),
        );
      },
    },
  ];
}

function integer(value: string | null, name: string, fallback: number, max: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) > max) throw liveApiErrors.invalidInteger(name, value, max);
  return Number(value);
}
