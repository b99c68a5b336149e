// The live flow of a real trust space: real SMTP submission (nodemailer over STARTTLS + AUTH),
// Mon espace santé actions, GET /api/flow as the web UI reads it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startTrustSpace } from '../../trust-space/start-trust-space.ts';
import { submitAs } from '../../trust-space/testing/submit-as.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import type { FlowEntry } from './flow-entry.ts';
import { processTempDir } from '../../cli/process-temp-dir.ts';

const DR_MARTIN = { address: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' };
const LOUISE = '284034912304586';
const GERARD = '152114908701235';
const OUTSIDE = 'contact@exemple-hors-espace.fr';

let space: RunningTrustSpace;
let api: string;

before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-flow-') });
  api = `${space.endpoints.http.baseUrl}/api`;
});
beforeEach(() => {
  space.setScenario(undefined);
  space.reset();
});
after(() => space.stop());

async function send(to: string[], subject: string): Promise<void> {
  const sent = await submitAs(space, DR_MARTIN, { to, subject, text: 'Bonjour.' });
  assert.ok(sent.accepted, `message refused: ${sent.response}`);
  await space.settled();
}

async function flow(query = ''): Promise<{ total: number; entries: FlowEntry[] }> {
  const response = await fetch(`${api}/flow${query}`);
  assert.equal(response.status, 200);
  return (await response.json()) as { total: number; entries: FlowEntry[] };
}

test('a message to Louise and Gérard, and one address outside the trust space: delivered, bounced with its reason, refused at RCPT', async () => {
  await send([`${LOUISE}@patient.mssante.fr`, `${GERARD}@patient.mssante.fr`, OUTSIDE], 'Résultats');
  const { total, entries } = await flow();
  assert.equal(total, 3);
  const [bounced, delivered, refused] = entries;
  assert.equal(refused?.kind, 'refused-at-rcpt');
  assert.deepEqual(refused?.to, [OUTSIDE]);
  assert.equal(refused?.status, '5.7.1');
  assert.match(refused?.reason ?? '', /n'est pas dans la liste blanche/);
  assert.ok(refused?.connectionId && (await fetch(`${api}/journal/${refused.connectionId}`)).ok, 'the journal holds the refusal');
  assert.equal(delivered?.kind, 'delivered');
  assert.deepEqual(delivered?.to, [`${LOUISE}@patient.mssante.fr`]);
  assert.equal(delivered?.subject, 'Résultats');
  assert.ok(delivered?.storedId && (await fetch(`${api}/messages/${delivered.storedId}`)).ok);
  assert.equal(bounced?.kind, 'bounced');
  assert.equal(bounced?.from, 'mailer-daemon@patient.mssante.fr');
  assert.deepEqual(bounced?.to, [DR_MARTIN.address]);
  assert.equal(bounced?.originalRecipient, `${GERARD}@patient.mssante.fr`);
  assert.equal(bounced?.status, '5.1.1');
  assert.match(bounced?.reason ?? '', /car cette adresse Mon espace santé n'existe pas\.$/);
  assert.equal(bounced?.transmissionId, delivered?.transmissionId, 'the bounce points at the message it reports on');
  assert.deepEqual((await flow(`?patient=${GERARD}`)).entries.map((e) => e.kind), ['bounced']);
  assert.equal((await flow(`?mailbox=${encodeURIComponent(OUTSIDE.toUpperCase())}`)).total, 1);
  assert.equal((await flow('?limit=1&offset=1')).entries[0]?.id, delivered?.id);
});

test('a refused patient action is in the flow with the French reason, and the API answers it (REG-MES-04)', async () => {
  const response = await fetch(`${api}/patients/${LOUISE}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: DR_MARTIN.address, subject: 'Une question', text: 'Bonjour Docteur.' }),
  });
  assert.equal(response.status, 403);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'MSS_SIM_MES_NOMINATIVE_MAILBOX_NOT_IN_CONTACT');
  const [entry] = (await flow()).entries;
  assert.equal(entry?.kind, 'patient-refused');
  assert.equal(entry?.fromPatient, true);
  assert.deepEqual(entry?.to, [DR_MARTIN.address]);
  assert.equal(entry?.subject, 'Une question');
  assert.equal(entry?.reason, body.error.message);
});

test('scenario labels: entries carry the label; a reset keeps labelled entries without their ids and tells listeners', async () => {
  let resets = 0;
  const unsubscribe = space.flow.subscribe({ reset: () => (resets += 1) });
  try {
    await send([`${LOUISE}@patient.mssante.fr`], 'Sans libellé');
    space.setScenario('Écrire à une patiente');
    await send([`${LOUISE}@patient.mssante.fr`], 'Avec libellé');
    const labelled = await flow(`?scenario=${encodeURIComponent('Écrire à une patiente')}`);
    assert.deepEqual(labelled.entries.map((e) => e.subject), ['Avec libellé']);
    space.reset();
    assert.equal(resets, 1);
    const kept = await flow();
    assert.deepEqual(kept.entries.map((e) => [e.subject, e.scenario, e.storedId, e.transmissionId]), [['Avec libellé', 'Écrire à une patiente', undefined, undefined]]);
  } finally {
    unsubscribe();
  }
});

test('a profile change is announced to the live listeners', async () => {
  const changes: unknown[] = [];
  const unsubscribe = space.flow.subscribe({ patient: (event) => changes.push(event) });
  try {
    const response = await fetch(`${api}/patients/${LOUISE}/profile`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: 'closed' }) });
    assert.equal(response.status, 200);
    assert.deepEqual(changes, [{ ins: LOUISE, state: 'closed' }]);
  } finally {
    unsubscribe();
  }
});
