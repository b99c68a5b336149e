// The operator console: the final verdict of a run is a closed prompt that stays, with its report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OperatorConsole, REPORT_PATH, type OperatorPrompt } from './operator-console.ts';

test('a verdict is published as a closed prompt, with the report served at REPORT_PATH', () => {
  const operatorConsole = new OperatorConsole({ now: () => new Date('2026-12-03T10:00:00Z') });
  const events: OperatorPrompt[] = [];
  operatorConsole.on('prompt', (p: OperatorPrompt) => events.push(p));
  const verdict = operatorConsole.verdict({ text: 'Verdict : Non conforme', details: ['Exigences : 3 conformes, 1 non conforme.'], reportFile: '/srv/rapports/conformite-rapport.html' });
  assert.equal(verdict.kind, 'verdict');
  assert.equal(verdict.status, 'done');
  assert.deepEqual(verdict.report, { url: REPORT_PATH, file: '/srv/rapports/conformite-rapport.html' });
  assert.deepEqual(events, [verdict]);
  assert.deepEqual(operatorConsole.pending(), [], 'nothing waits for the person');
  assert.deepEqual(operatorConsole.recent(), [verdict]);
  assert.equal(operatorConsole.reportFile(), '/srv/rapports/conformite-rapport.html');
});

test('the last verdict names the report; a question cannot be answered through a verdict', () => {
  const operatorConsole = new OperatorConsole();
  assert.equal(operatorConsole.reportFile(), undefined);
  operatorConsole.verdict({ text: 'Verdict : Conforme', details: [], reportFile: '/a.html' });
  const last = operatorConsole.verdict({ text: 'Verdict : Conforme', details: [], reportFile: '/b.html' });
  assert.equal(operatorConsole.reportFile(), '/b.html');
  assert.equal(operatorConsole.answer(last.id, true), false);
  const withoutReport = operatorConsole.verdict({ text: 'Verdict : Erreur de mise en place', details: [] });
  assert.equal(withoutReport.report, undefined);
});
