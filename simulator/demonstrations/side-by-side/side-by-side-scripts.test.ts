// The side by side scripts name real demonstrations, real steps of them, and fixture patients
// and mailboxes: a renamed demonstration or a removed step fails here, not in front of a room.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEMONSTRATIONS } from '../catalogue/index.ts';
import { SIDE_BY_SIDE_SCRIPTS } from './side-by-side-scripts.ts';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
const PATIENTS = new Set(fixture<{ patients: { ins: string }[] }>('patients').patients.map((p) => p.ins));
const MAILBOXES = new Set(fixture<{ mailboxes: { address: string }[] }>('mailboxes').mailboxes.map((m) => m.address));

test('every script plays a catalogue demonstration, with steps that exist there or texts of their own', () => {
  assert.deepEqual(SIDE_BY_SIDE_SCRIPTS.map((s) => s.id), ['ordonnance-patiente', 'cloture-fin-reengagement', 'trois-avis-de-non-remise']);
  for (const script of SIDE_BY_SIDE_SCRIPTS) {
    const demonstration = DEMONSTRATIONS.find((d) => d.id === script.id);
    assert.ok(demonstration, `${script.id} is a catalogue demonstration`);
    const reused = script.steps.flatMap((step) => ('sameAs' in step ? [step.sameAs] : []));
    assert.equal(new Set(reused).size, reused.length, `${script.id}: a catalogue step is reused once`);
    for (const index of reused) assert.ok(demonstration.steps[index], `${script.id}: step ${index} exists`);
    for (const step of script.steps) {
      if ('title' in step) assert.ok(step.title.length > 0 && step.narration.length > 0, `${script.id}: a step of its own is titled and narrated`);
    }
  }
});

test('scripts name fixture mailboxes and patients', () => {
  for (const script of SIDE_BY_SIDE_SCRIPTS) {
    assert.ok(MAILBOXES.has(script.mailbox), script.mailbox);
    for (const ins of [script.patient, ...script.steps.flatMap((s) => [s.patient, s.action.kind === 'webmail-write-to-patient' ? s.action.ins : undefined])]) {
      if (ins !== undefined) assert.ok(PATIENTS.has(ins), `${script.id}: patient ${ins}`);
    }
  }
});
