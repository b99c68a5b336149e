import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Requirement } from '../../requirements/requirement-register.ts';
import type { ClientProfile } from '../cli/client-profile.ts';
import { buildSummary } from '../cli/conformance-summary.ts';
import { judgeRun } from '../cli/conformance-verdict.ts';
import type { ScenarioResult } from '../cli/scenario-verdicts.ts';
import { certificationReport } from './certification-report.ts';
import { REPORT_SCRIPT, scriptHashSource } from './report-script.ts';
import type { ScenarioDetail } from './scenario-details.ts';

const register: Requirement[] = [
  { id: 'MES-FIN-01', source: 'x', level: 'DOIT', text: 'Seul [FIN] clôt.', reasonNotTested: '', line: 2 },
  { id: 'SC.MSS/UX.26', source: 'x', level: 'PEUT', text: 'Conversations.', reasonNotTested: '', line: 3 },
];
const client: ClientProfile = { driverKind: 'http', adapterUrl: 'http://127.0.0.1:8700/', variants: [], client: { name: 'Messagerie <b>X</b>', version: '1.0' }, declaredCapabilities: [], capabilities: [], parallel: false };
const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const scenarios: ScenarioResult[] = [
  { uri: 'features/conformite/cloture.feature', line: 14, name: `clôture ${hostile}`, requirementIds: ['MES-FIN-01'], verdict: 'échoué', motif: `reçu « ${hostile} »`, missingCapabilities: [] },
  { uri: 'features/conformite/ux.feature', line: 3, name: 'conversations', requirementIds: ['SC.MSS/UX.26'], verdict: 'réussi', motif: 'ok', missingCapabilities: [] },
];
const details = new Map<string, ScenarioDetail>([[
  'features/conformite/cloture.feature:14',
  {
    capabilities: [],
    durationMs: 5,
    steps: [{ text: 'le dernier message transmis par le logiciel a pour objet exactement « [FIN] »', kind: 'Outcome', status: 'FAILED', message: `reçu « ${hostile} »`, pattern: 'le dernier message transmis par le logiciel a pour objet exactement « {texte} »' }],
    attachments: [{ fileName: 'message-transmis-t-1.eml', mediaType: 'message/rfc822', bytes: Buffer.from(`Subject: ${hostile}\r\n\r\n</pre><script>alert(3)</script>`) }],
  },
]]);

function report(): string {
  const summary = buildSummary(judgeRun(scenarios, register), scenarios, client, { name: 's', version: '0.1.0', fingerprint: 'a'.repeat(64) }, { startedAt: new Date('2026-03-02T09:15:07Z'), durationMs: 1000, tagExpression: '@conformite', parallel: 1 });
  return certificationReport(summary, details);
}

test('nothing from the run becomes markup: the only script is the filter, allowed by its hash', () => {
  const html = report();
  assert.equal(html.match(/<script>/g)?.length, 1);
  assert.ok(html.includes(`<script>${REPORT_SCRIPT}</script>`));
  assert.ok(html.includes(`script-src ${scriptHashSource()}`));
  assert.doesNotMatch(html, /<img|<b>X/);
  assert.match(html, /Subject: &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /<mark>\s*1 {2}Subject: &lt;script&gt;/);
});

test('the report gives the verdict, the product, the fingerprint, the table and the fix of the failed check', () => {
  const html = report();
  assert.match(html, /<p class="libelle">Non conforme<\/p>/);
  assert.match(html, /Messagerie &lt;b&gt;X&lt;\/b&gt; 1\.0/);
  assert.match(html, /a{64}/);
  assert.match(html, /data-verdict="echoue" data-famille="mes"><td class="id">MES-FIN-01/);
  assert.match(html, /<h4>Comment corriger<\/h4><p>Pour l&#39;action « clore l&#39;échange »/);
  assert.match(html, /href="data:message\/rfc822;base64,/);
  assert.match(html, /@page \{ size: A4/);
});
