// Each demonstration runs to the end against a real trust space (reference client over SMTP,
// IMAP and the Annuaire Santé; Mon espace santé for the patient) and leaves the expected flow.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import type { FlowEntry } from '../observation/live-flow/flow-entry.ts';
import { startTrustSpace } from '../trust-space/start-trust-space.ts';
import type { RunningTrustSpace } from '../trust-space/trust-space.ts';
import type { DemonstrationRun } from './demonstration.ts';
import { processTempDir } from '../cli/process-temp-dir.ts';

let space: RunningTrustSpace;
let api: string;

before(async () => {
  space = await startTrustSpace({ dataDir: processTempDir('mss-demo-') });
  api = `${space.endpoints.http.baseUrl}/api`;
});
beforeEach(() => space.reset());
after(() => space.stop());

async function post(path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${api}${path}`, { method: 'POST' });
  return { status: response.status, body: await response.json() };
}

/** Plays every step over HTTP; returns the final run. */
async function play(id: string): Promise<DemonstrationRun> {
  const started = await post(`/demonstrations/${id}/runs`);
  assert.equal(started.status, 201);
  let run = started.body as DemonstrationRun;
  assert.equal(run.status, 'ready');
  while (run.status === 'ready' || run.status === 'waiting') {
    const next = await post(`/demonstrations/runs/${run.runId}/next`);
    assert.equal(next.status, 200);
    run = next.body as DemonstrationRun;
  }
  assert.equal(run.status, 'finished', JSON.stringify(run.log.at(-1)));
  assert.equal(run.log.length, run.stepCount);
  assert.ok(run.log.every((entry) => entry.outcome && entry.narration), 'every step narrated, with its outcome');
  for (const entry of run.log) assert.doesNotMatch(`${entry.narration} ${entry.outcome}`, /\b[a-z]{1,2}-\d{4,}\b/, 'no internal id (store, flow, run) in what the room reads');
  return run;
}

const flow = (): FlowEntry[] => [...space.flow.list({ limit: 1000 }).entries];

test('the catalogue lists the five demonstrations, narrated in French, 1 to 3 sentences a step', async () => {
  const list = (await (await fetch(`${api}/demonstrations`)).json()) as { id: string; steps: { narration: string }[] }[];
  assert.deepEqual(list.map((d) => d.id), ['livret-medical', 'ordonnance-patiente', 'trois-avis-de-non-remise', 'cloture-fin-reengagement', 'documents-xdm']);
  for (const step of list.flatMap((d) => d.steps)) {
    const sentences = step.narration.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length;
    assert.ok(sentences >= 1 && sentences <= 3, step.narration);
  }
});

test('documents XDM: the review and the livret pass the document checks, the livret is integrated on the INS', async () => {
  const run = await play('documents-xdm');
  assert.match(run.log[0]!.outcome!, /1 document\(s\) CDA, patient MARCHAND Louise \(INS 284034912304586\), X-MSS-INS: O, X-MSS-CODECDA: 56445-0 ; aucun constat\.$/);
  assert.match(run.log[1]!.outcome!, /X-MSS-CODECDA: 11490-0 ; aucun constat\.$/);
  assert.equal(run.log[2]!.outcome!, 'Camille voit « LIVRET MEDICAL MARCHAND Louise 12/03/1984 » ; le livret (11490-0) est intégré au dossier de l\'INS 284034912304586.');
});

test('livret médical: found in the Annuaire Santé, delivered to the pharmacy with its attachment', async () => {
  const run = await play('livret-medical');
  assert.match(run.log[0]!.outcome!, /Aucun message/);
  assert.match(run.log[1]!.outcome!, /pharmacie\.duparc@pharmacien\.mssante\.fr \(boîte organisationnelle\)/);
  assert.match(run.log[3]!.outcome!, /^Camille voit « Livret médical de sortie — MARCHAND Louise »/);
  assert.deepEqual(flow().map((e) => [e.kind, e.from, e.to.join()]), [['delivered', 'paul.martin@ch-valbrume.mssante.fr', 'pharmacie.duparc@pharmacien.mssante.fr']]);
});

test('ordonnance: the patient writes to her pharmacy, is refused toward a nominative mailbox, the pharmacy answers', async () => {
  const run = await play('ordonnance-patiente');
  assert.match(run.log[2]!.outcome!, /^Refusé par Mon espace santé/);
  assert.deepEqual(flow().reverse().map((e) => [e.kind, e.fromPatient ?? false]), [['delivered', true], ['patient-refused', true], ['delivered', false]]);
});

test('the three avis de non-remise: opposed, closed, no profile, each with its French reason (REG-ANR-03)', async () => {
  const run = await play('trois-avis-de-non-remise');
  assert.match(run.log[0]!.outcome!, /^Avis de non-remise reçu \(5\.1\.1\) : .*n'existe pas\.$/);
  assert.match(run.log[1]!.outcome!, /^Avis de non-remise reçu \(5\.2\.1\) : .*est clôturée\.$/);
  assert.match(run.log[3]!.outcome!, /affiche 3 avis de non-remise/);
  const bounces = flow().filter((e) => e.kind === 'bounced').reverse();
  assert.deepEqual(bounces.map((e) => [e.originalRecipient, e.status]), [
    ['152114908701235@patient.mssante.fr', '5.1.1'],
    ['238067218103339@patient.mssante.fr', '5.2.1'],
    ['101097505607845@patient.mssante.fr', '5.1.1'],
  ]);
  assert.ok(bounces.every((e) => e.reason?.startsWith("Le message que vous avez envoyé à l'adresse « ")));
});

test('closure by [FIN], refused reply, re-engagement; a finished run takes no more steps', async () => {
  const run = await play('cloture-fin-reengagement');
  assert.match(run.log[3]!.outcome!, /a mis fin à vos échanges/);
  const kinds = flow().reverse().map((e) => `${e.kind}${e.closesConversation ? ' [FIN]' : ''}`);
  assert.deepEqual(kinds, ['delivered', 'delivered', 'delivered [FIN]', 'patient-refused', 'delivered']);
  const again = await post(`/demonstrations/runs/${run.runId}/next`);
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'MSS_SIM_API_DEMONSTRATION_NOT_READY');
  assert.equal((await post('/demonstrations/inconnue/runs')).status, 404);
  assert.equal((await fetch(`${api}/demonstrations/runs/d-9999`)).status, 404);
});

test('a step that cannot show what it should fails the run with a French reason', async () => {
  space.setPatientProfile('152114908701235', 'active');
  const started = await post('/demonstrations/trois-avis-de-non-remise/runs');
  const failed = (await post(`/demonstrations/runs/${started.body.runId}/next`)).body as DemonstrationRun;
  assert.equal(failed.status, 'failed');
  assert.equal(failed.stepIndex, 0);
  assert.match(failed.log[0]!.outcome!, /^Échec de l'étape : Aucun avis de non-remise pour 152114908701235@patient\.mssante\.fr/);
});
