// The operator ends the connections of a Pro Santé Connect session while its tokens stay valid
// (SC.MSS/CONF.11), through the simulator's control API (`POST /api/psc/sessions/{id}/end-connections`),
// and the harness waits, bounded, until the simulator has closed every connection the session had.
import type { TrustSpace } from '../../../simulator/public-api.ts';

/** Longest wait for the simulator to close the cut connections. */
export const CUT_WAIT_MS = 5_000;

export class OperatorCutError extends Error {
  readonly code = 'MSS_SIM_HARNESS_CUT_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'OperatorCutError';
  }
}

/** Ends the session's connections; resolves with the connection ids that were cut. */
export async function cutSessionConnections(space: TrustSpace, sessionId: string): Promise<readonly string[]> {
  const connections = new Set(space.observations.list('auth').filter((a) => a.outcome === 'success' && a.sessionId === sessionId).map((a) => a.connectionId));
  for (const closed of space.observations.list('connection-closed')) connections.delete(closed.connectionId);
  const allClosed = waitForClosed(space, connections);
  const headers: Record<string, string> = space.actionToken ? { authorization: `Bearer ${space.actionToken}` } : {};
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/psc/sessions/${encodeURIComponent(sessionId)}/end-connections`, { method: 'POST', headers });
  if (response.status !== 204) throw new OperatorCutError(`L'API de contrôle a refusé de couper la session ${sessionId} (HTTP ${response.status}) : ${await response.text()}`);
  await allClosed;
  return [...connections];
}

function waitForClosed(space: TrustSpace, connections: Set<string>): Promise<void> {
  const open = new Set(connections);
  if (open.size === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new OperatorCutError(`Le simulateur n'a pas fermé les connexions ${[...open].join(', ')} en ${CUT_WAIT_MS / 1000} s.`));
    }, CUT_WAIT_MS);
    const stop = space.observations.on('connection-closed', (closed) => {
      open.delete(closed.connectionId);
      if (open.size > 0) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}
