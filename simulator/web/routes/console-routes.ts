// The operator console in the web UI (when a conformance run uses the manual driver,
// its instructions and attestation questions appear in the UI as well as in the terminal):
// the prompts, and the answer to a yes/no attestation; the first answer wins, wherever from.
import type { OperatorConsole, OperatorPrompt } from '../../services/operator-console/operator-console.ts';
import { json } from '../http-response.ts';
import type { RequestValidator } from '../request-validator.ts';
import type { Route } from '../route.ts';
import { pathParam } from './control-api-deps.ts';
import { liveApiErrors } from './live-api-errors.ts';

export function consoleRoutes(operatorConsole: OperatorConsole, validator: RequestValidator): Route[] {
  return [
    { method: 'GET', path: '/api/console/prompts', handler: () => json(promptsToShow(operatorConsole)) },
    {
      method: 'POST',
      path: '/api/console/prompts/{id}/answer',
      handler: (context) => {
        const id = pathParam(context, 'id');
        const prompt = operatorConsole.get(id);
        if (!prompt) throw liveApiErrors.unknownPrompt(id);
        const { answer } = validator.parseBody<{ answer: boolean }>(context, 'console-answer');
        if (prompt.kind !== 'question') throw liveApiErrors.promptNotOpen(id, "c'est une consigne, pas une question : elle se termine quand le trafic attendu arrive");
        if (!operatorConsole.answer(id, answer)) throw liveApiErrors.promptNotOpen(id, 'cette question a déjà reçu une réponse');
        return json(operatorConsole.get(id));
      },
    },
  ];
}

/** Open prompts first (oldest first), then the recent closed ones, newest first. */
export function promptsToShow(operatorConsole: OperatorConsole): OperatorPrompt[] {
  const pending = operatorConsole.pending();
  const open = new Set(pending.map((p) => p.id));
  const closed = operatorConsole.recent().filter((p) => !open.has(p.id)).reverse();
  return [...pending, ...closed];
}
