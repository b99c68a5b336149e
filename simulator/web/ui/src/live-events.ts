// The live feed: one EventSource on GET /api/events (simulator/observation/live-flow/README.md). Event names:
// flow, reset, patient, demonstration, console. The browser reconnects by itself, and after a
// refusal the page does (live-source.ts); the status line says so in French.
import { keepLiveSource } from './live-source.ts';
import type { DemonstrationRun, FlowEntry, OperatorPrompt, PatientState } from './types.ts';

export interface LiveHandlers {
  flow(entry: FlowEntry): void;
  reset(): void;
  patient(change: { ins: string; state: PatientState }): void;
  demonstration(run: DemonstrationRun): void;
  console(prompt: OperatorPrompt): void;
  status(connected: boolean): void;
}

export function listenLive(handlers: LiveHandlers): void {
  keepLiveSource((source) => attach(source, handlers));
}

function attach(source: EventSource, handlers: LiveHandlers): void {
  const on = <T>(name: string, handle: (data: T) => void) =>
    source.addEventListener(name, (event) => {
      const data = (event as MessageEvent<string>).data;
      try {
        handle((data ? JSON.parse(data) : undefined) as T);
      } catch (error) {
        console.error(`événement « ${name} » illisible`, error);
      }
    });
  on<FlowEntry>('flow', handlers.flow);
  on<unknown>('reset', () => handlers.reset());
  on<{ ins: string; state: PatientState }>('patient', handlers.patient);
  on<DemonstrationRun>('demonstration', handlers.demonstration);
  on<OperatorPrompt>('console', handlers.console);
  source.addEventListener('open', () => handlers.status(true));
  source.addEventListener('error', () => handlers.status(source.readyState === EventSource.OPEN));
}
