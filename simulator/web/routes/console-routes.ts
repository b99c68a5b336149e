// The operator console in the web UI (when a conformance run uses the manual driver,
// its instructions and attestation questions appear in the UI as well as in the terminal):
// the prompts, and the answer to a yes/no attestation; the first answer wins, wherever from; and
// the conformance report named by the run's final verdict (a self-contained HTML file).
import { readFile } from 'node:fs/promises';
import { REPORT_PATH, type OperatorConsole, type OperatorPrompt } from '../../services/operator-console/operator-console.ts';
import { json, text } from '../http-response.ts';
import type { RequestValidator } from '../request-validator.ts';
import type { Route } from '../route.ts';
import { pathParam } from './control-api-deps.ts';
import { liveApiErrors } from './live-api-errors.ts';

export function consoleRoutes(operatorConsole: OperatorConsole, validator: RequestValidator): Route[] {
  return [
    { method: 'GET', path: '/api/console/prompts', handler: () => json(promptsToShow(operatorConsole)) },
    { method: 'GET', path: REPORT_PATH, handler: () => report(operatorConsole) },
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

/** The report is our own self-contained page: its inline style and filter script only, nothing fetched. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

async function report(operatorConsole: OperatorConsole) {
  const file = operatorConsole.reportFile();
  if (file === undefined) throw liveApiErrors.noReport();
  try {
    return text(await readFile(file, 'utf8'), 'text/html; charset=utf-8', { 'Content-Security-Policy': REPORT_CSP });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw liveApiErrors.noReport();
    throw error;
  }
}

/** Open prompts first (oldest first), then the recent closed ones, newest first. */
export function promptsToShow(operatorConsole: OperatorConsole): OperatorPrompt[] {
  const pending = operatorConsole.pending();
  const open = new Set(pending.map((p) => p.id));
  const closed = operatorConsole.recent().filter((p) => !open.has(p.id)).reverse();
  return [...pending, ...closed];
}
