// Démonstrations (REG-OFF): the catalogue, starting a run, playing its next
// step, reading it. Each change also goes out as the `demonstration` server-sent event.
import type { DemonstrationRunner } from '../../demonstrations/demonstration-runner.ts';
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import { pathParam } from './control-api-deps.ts';
import { liveApiErrors } from './live-api-errors.ts';

export function demonstrationRoutes(runner: DemonstrationRunner): Route[] {
  return [
    { method: 'GET', path: '/api/demonstrations', handler: () => json(runner.list()) },
    {
      method: 'POST',
      path: '/api/demonstrations/{id}/runs',
      handler: (context) => {
        const id = pathParam(context, 'id');
        const run = runner.start(id);
        if (!run) throw liveApiErrors.unknownDemonstration(id);
        return json(run, 201, { Location: `/api/demonstrations/runs/${run.runId}` });
      },
    },
    {
      method: 'GET',
      path: '/api/demonstrations/runs/{runId}',
      handler: (context) => {
        const runId = pathParam(context, 'runId');
        const run = runner.get(runId);
        if (!run) throw liveApiErrors.unknownDemonstrationRun(runId);
        return json(run);
      },
    },
    {
      method: 'POST',
      path: '/api/demonstrations/runs/{runId}/next',
      handler: async (context) => {
        const runId = pathParam(context, 'runId');
        const outcome = await runner.next(runId);
        if (!outcome) throw liveApiErrors.unknownDemonstrationRun(runId);
        if (!outcome.ok) throw liveApiErrors.demonstrationBusy(runId, outcome.run.status);
        return json(outcome.run);
      },
    },
  ];
}
