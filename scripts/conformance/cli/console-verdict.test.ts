// The final verdict published on the manual driver's web console, and the restarted simulator
// that shows it until the person presses Entrée.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { Requirement } from '../../requirements/requirement-register.ts';
import type { ClientProfile } from './client-profile.ts';
import { buildSummary } from './conformance-summary.ts';
import { judgeRun } from './conformance-verdict.ts';
import { consoleVerdict } from './console-verdict.ts';
import { showVerdictOnConsole } from './manual-verdict-display.ts';
import type { ScenarioResult } from './scenario-verdicts.ts';

const register: Requirement[] = [{ id: 'MES-FIN-01', source: 'REG-FIN-01', level: 'DOIT', text: 'Seul [FIN] clôt.', reasonNotTested: '', line: 2 }];
const manual: ClientProfile = { driverKind: 'manual', variants: [], client: { name: 'Officine Exemple 4.2', version: '' }, declaredCapabilities: ['patient-messaging'], capabilities: ['patient-messaging'], parallel: false };
const failed: ScenarioResult[] = [{ uri: 'features/conformite/cloture.feature', line: 14, name: 'la clôture par « [FIN] »', requirementIds: ['MES-FIN-01'], verdict: 'échoué', motif: 'Objet attendu « [FIN] ».', missingCapabilities: [] }];
const files = { report: '/srv/rapports/conformite-rapport.html', bundle: '/srv/rapports/conformite-preuves.zip' };

function summary() {
  return buildSummary(judgeRun(failed, register), failed, manual, { name: 'mssante-simulateur', version: '0.1.0', commit: 'abc1234', modified: false }, { startedAt: new Date('2026-03-02T09:15:07Z'), durationMs: 1000, tagExpression: '@conformite', parallel: 1 });
}

test('the console verdict names the verdict, the product, the failed scenario and the report', () => {
  const verdict = consoleVerdict(summary(), files);
  assert.equal(verdict.text, 'Verdict : Non conforme');
  assert.equal(verdict.reportFile, files.report);
  assert.ok(verdict.details.includes('Produit testé : Officine Exemple 4.2'));
  assert.ok(verdict.details.includes('échoué : la clôture par « [FIN] » (MES-FIN-01)'), verdict.details.join('\n'));
  assert.ok(verdict.details.includes(`Dossier de preuve : ${files.bundle}`));
});

test('a simulator restarted to show the verdict serves it on its console until Entrée is pressed', async () => {
  const input = new PassThrough();
  const printed: string[] = [];
  let baseUrl = '';
  let listed: { kind: string; text: string; report?: { url: string } }[] = [];
  const shown = showVerdictOnConsole(consoleVerdict(summary(), files), {
    ports: { submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: 0 },
    input,
    keepMs: 30_000,
    print: (line) => {
      printed.push(line);
      baseUrl = /(http:\/\/\S+)\/#console/.exec(line)?.[1] ?? baseUrl;
      // The person looks at the console, then presses Entrée.
      if (baseUrl)
        void fetch(`${baseUrl}/api/console/prompts`)
          .then((r) => r.json() as Promise<typeof listed>)
          .then((prompts) => (listed = prompts))
          .finally(() => input.write('\n'));
    },
  });
  await shown;
  assert.deepEqual(listed.map((p) => [p.kind, p.text, p.report?.url]), [['verdict', 'Verdict : Non conforme', '/api/console/rapport']]);
  assert.match(printed.join('\n'), /Verdict affiché dans la console web : http:\/\/127\.0\.0\.1:\d+\/#console ; appuyez sur Entrée/);
  await assert.rejects(fetch(`${baseUrl}/api/console/prompts`), 'the simulator is stopped once dismissed');
});
