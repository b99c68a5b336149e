// GET /api/events: the web UI's live feed as Server-Sent Events (WHATWG HTML §9.2):
// `flow` (a FlowEntry), `reset`, `patient` ({ ins, state }), `demonstration` (a
// DemonstrationRun), `console` (an OperatorPrompt). A comment every 15 s keeps proxies from
// closing the stream; listeners go when the client leaves; the server's close() ends streams.
import type { EventEmitter } from 'node:events';
import type { FlowListener } from '../../observation/live-flow/flow-recorder.ts';
import type { ResponseStream, StreamingResponse } from '../http-server.ts';
import type { Route } from '../route.ts';
import { liveApiErrors } from './live-api-errors.ts';

export interface EventSources {
  /** FlowRecorder: entries, resets, patient changes. */
  readonly flow: { subscribe(listener: FlowListener): () => void };
  /** OperatorConsole: `prompt`, `update`. */
  readonly console: EventEmitter;
  /** DemonstrationRunner: each change of a run. */
  readonly demonstrations: { onRun(listener: (run: unknown) => void): () => void };
}

export interface EventRouteOptions {
  readonly heartbeatMs?: number;
  readonly maxStreams?: number;
}

const SUBSCRIPTIONS: readonly (readonly ['console', string, string])[] = [
  ['console', 'prompt', 'console'],
  ['console', 'update', 'console'],
];

/** One event in the text/event-stream format; JSON.stringify never writes a line break. */
export function formatEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data ?? {})}\n\n`;
}

export function eventRoutes(sources: EventSources, options: EventRouteOptions = {}): Route[] {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxStreams = options.maxStreams ?? 64;
  let open = 0;
  const attach = (stream: ResponseStream) => {
    open += 1;
    const send = (name: string) => (data: unknown) => void stream.write(formatEvent(name, data));
    const detach: (() => unknown)[] = SUBSCRIPTIONS.map(([source, from, name]) => {
      const listener = send(name);
      sources[source].on(from, listener);
      return () => sources[source].off(from, listener);
    });
    detach.push(sources.demonstrations.onRun(send('demonstration')));
    detach.push(sources.flow.subscribe({ entry: send('flow'), reset: () => send('reset')(undefined), patient: send('patient') }));
    const heartbeat = setInterval(() => stream.write(': battement\n\n'), heartbeatMs);
    heartbeat.unref();
    stream.onClose(() => {
      open -= 1;
      clearInterval(heartbeat);
      for (const off of detach) off();
    });
    stream.write('retry: 3000\n: flux du simulateur MSSanté\n\n');
  };
  return [
    {
      method: 'GET',
      path: '/api/events',
      handler: (): StreamingResponse => {
        if (open >= maxStreams) throw liveApiErrors.tooManyStreams(maxStreams);
        return { status: 200, contentType: 'text/event-stream; charset=utf-8', headers: { 'X-Accel-Buffering': 'no' }, stream: attach };
      },
    },
  ];
}
