// GET /api/events on a real trust space: a `flow` event arrives when a message is sent, the
// listeners go with the client, and stop() ends open streams instead of waiting for them.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { FlowRecorder } from '../../observation/live-flow/flow-recorder.ts';
import { ObservationBus } from '../../observation/observation-bus.ts';
import { test } from 'node:test';
import { startTrustSpace } from '../../trust-space/start-trust-space.ts';
import { startHttpServer } from '../http-server.ts';
import { eventRoutes, formatEvent } from './event-routes.ts';
import { processTempDir } from '../../cli/process-temp-dir.ts';

/** Reads server-sent events until `wanted` says stop, or fails after `timeoutMs`. */
async function readEvents(response: Response, wanted: (name: string, data: string) => boolean, timeoutMs = 5000): Promise<{ name: string; data: string }[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const seen: { name: string; data: string }[] = [];
  let buffer = '';
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before the awaited event; seen: ${JSON.stringify(seen)}`);
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name === undefined || data === undefined) continue;
        seen.push({ name, data });
        if (wanted(name, data)) return seen;
      }
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

test('a patient message sent on the trust space arrives as a `flow` event; stop() closes the open stream', async () => {
  const space = await startTrustSpace({ dataDir: processTempDir('mss-events-') });
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/events`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const events = readEvents(response, (name) => name === 'flow');
  const result = await space.mes.write({ ins: '284034912304586', to: 'pharmacie.duparc@pharmacien.mssante.fr', subject: 'Mon ordonnance', text: 'Bonjour.' });
  assert.equal(result.accepted, true);
  const seen = await events;
  const entry = JSON.parse(seen.at(-1)!.data) as { kind: string; fromPatient: boolean; subject: string };
  assert.deepEqual([entry.kind, entry.fromPatient, entry.subject], ['delivered', true, 'Mon ordonnance']);
  assert.equal(space.flow.listenerCount, 1);
  const started = Date.now();
  await space.stop();
  assert.ok(Date.now() - started < 3000, `stop() took ${Date.now() - started} ms with a stream open`);
  assert.equal(space.flow.listenerCount, 0, 'listeners removed when the stream closed');
});

test('events of every source, a heartbeat, and listeners removed when the client leaves', async () => {
  const flow = new FlowRecorder();
  const runListeners = new Set<(run: unknown) => void>();
  const demonstrations = {
    onRun: (listener: (run: unknown) => void) => {
      runListeners.add(listener);
      return () => runListeners.delete(listener);
    },
  };
  const sources = { flow, console: new EventEmitter(), demonstrations };
  const bus = new ObservationBus();
  flow.attach(bus);
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: eventRoutes(sources, { heartbeatMs: 20, maxStreams: 1 }) });
  try {
    const controller = new AbortController();
    const response = await fetch(`${server.baseUrl}/api/events`, { signal: controller.signal });
    const second = await fetch(`${server.baseUrl}/api/events`);
    assert.equal(second.status, 503);
    assert.equal(((await second.json()) as { error: { code: string } }).error.code, 'MSS_SIM_API_TOO_MANY_EVENT_STREAMS');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.match(first, /^retry: 3000\n/);
    let text = '';
    while (!text.includes(': battement')) text += new TextDecoder().decode((await reader.read()).value);
    bus.publish({ type: 'trust-space-reset' });
    bus.publish({ type: 'patient-profile-changed', ins: '284034912304586', state: 'closed' });
    for (const listener of runListeners) listener({ runId: 'd-0001' });
    sources.console.emit('prompt', { id: 'p1', text: 'Envoyez\nun message' });
    while (!text.includes('event: console')) text += new TextDecoder().decode((await reader.read()).value);
    for (const name of ['reset', 'patient', 'demonstration', 'console']) assert.match(text, new RegExp(`^event: ${name}$`, 'm'));
    assert.ok(text.includes(formatEvent('console', { id: 'p1', text: 'Envoyez\nun message' })), 'one data line, the line break escaped');
    controller.abort();
    for (let i = 0; i < 50 && flow.listenerCount > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(flow.listenerCount, 0);
    assert.equal(sources.console.listenerCount('update'), 0);
    assert.equal(runListeners.size, 0);
  } finally {
    await server.close();
  }
});
