// The side by side page's wait for what the trust space did (src/side-by-side/flow-watch.ts), run
// under Node: only entries after the mark count, a later entry wakes the wait, and the wait is
// bounded with a French message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlowWatch } from './src/side-by-side/flow-watch.ts';
import type { FlowEntry } from './src/types.ts';

const entry = (id: string, subject: string): FlowEntry => ({ id, at: '2026-12-03T10:00:00.000Z', kind: 'delivered', from: 'a@x.fr', to: ['b@x.fr'], subject });

test('an entry seen before the mark does not count; the first matching one after it does, even if it came before the wait', async () => {
  const watch = new FlowWatch();
  watch.add(entry('f-1', 'Mon ordonnance'));
  const mark = watch.mark();
  watch.add(entry('f-2', 'Autre'));
  watch.add(entry('f-3', 'Mon ordonnance'));
  assert.equal((await watch.waitFor(mark, (e) => e.subject === 'Mon ordonnance', 'x', 1000)).id, 'f-3');
});

test('a wait is woken by a later entry, and gives up after its bound with what is missing', async () => {
  const watch = new FlowWatch();
  const mark = watch.mark();
  const waiting = watch.waitFor(mark, (e) => e.subject === '[FIN]', 'Le message « [FIN] »', 1000);
  watch.add(entry('f-1', 'Autre'));
  watch.add(entry('f-2', '[FIN]'));
  assert.equal((await waiting).id, 'f-2');
  await assert.rejects(watch.waitFor(watch.mark(), () => true, 'Le sort du message envoyé', 20), { name: 'DemonstrationUiError', message: "Le sort du message envoyé n'apparaît pas dans le flux en direct." });
});
