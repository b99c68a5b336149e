// The live flow off the SMTP reply path (FlowRecorder's `defer` option): entries of accepted mail,
// reports and RCPT refusals are added when the deferred work runs, in publication order, with the
// scenario label of the moment they were observed; a reset in between keeps them as a reset does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ObservationBus } from '../observation-bus.ts';
import { FlowRecorder } from './flow-recorder.ts';

function setup() {
  const queue: (() => void)[] = [];
  const bus = new ObservationBus();
  const flow = new FlowRecorder({ defer: (work) => void queue.push(work) });
  flow.attach(bus);
  const run = () => {
    for (const work of queue.splice(0)) work();
  };
  return { bus, flow, queue, run };
}

const refusal = (address: string) =>
  ({ type: 'smtp-exchange', connectionId: 'peer-1', endpoint: 'peer', verb: 'RCPT', argument: `TO:<${address}>`, address, transactionSender: 'a@b.test', code: 550, enhanced: '5.7.1', text: 'refusé' }) as const;

test('deferred entries wait for the deferred work, then come in publication order with the label of their time', () => {
  const { bus, flow, queue, run } = setup();
  flow.setScenario('premier');
  bus.publish(refusal('un@exemple.test'));
  bus.publish({ type: 'smtp-exchange', connectionId: 'peer-1', endpoint: 'peer', verb: 'MAIL', argument: 'FROM:<a@b.test>', address: 'a@b.test', code: 250, text: 'ok' });
  flow.setScenario('second');
  bus.publish(refusal('deux@exemple.test'));
  assert.equal(queue.length, 2, 'only refusals wait for a turn');
  assert.equal(flow.size, 0);
  run();
  assert.deepEqual(
    [...flow.list().entries].reverse().map((e) => [e.originalRecipient, e.scenario]),
    [
      ['un@exemple.test', 'premier'],
      ['deux@exemple.test', 'second'],
    ],
  );
});

test('a reset before the deferred work runs: unlabelled entries go, labelled ones stay without their ids', () => {
  const { bus, flow, run } = setup();
  bus.publish(refusal('sans-etiquette@exemple.test'));
  flow.setScenario('étiqueté');
  bus.publish(refusal('etiquete@exemple.test'));
  bus.publish({ type: 'trust-space-reset' });
  run();
  const entries = flow.list().entries;
  assert.deepEqual(entries.map((e) => [e.originalRecipient, e.scenario, e.connectionId]), [['etiquete@exemple.test', 'étiqueté', undefined]]);
});
