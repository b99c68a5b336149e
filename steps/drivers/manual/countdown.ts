// The visible deadline of a wait (a visible, configurable timeout): French wording of
// the deadline and of the time left, for the terminal. The web UI computes its own countdown from
// the prompt's `openedAt` and `timeoutMs` (simulator/services/operator-console/operator-console.ts).

const CLOCK = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Local wall-clock time, e.g. `14:03:12`. */
export function clockTime(date: Date): string {
  return CLOCK.format(date);
}

export function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}

/** « Délai : 120 s, jusqu'à 14:03:12. » */
export function deadlineText(deadline: Date, timeoutMs: number): string {
  return `Délai : ${seconds(timeoutMs)} s, jusqu'à ${clockTime(deadline)}.`;
}

/** « En attente du simulateur : encore 90 s (jusqu'à 14:03:12). » */
export function remainingText(remainingMs: number, deadline: Date): string {
  return `En attente du simulateur : encore ${seconds(remainingMs)} s (jusqu'à ${clockTime(deadline)}).`;
}
