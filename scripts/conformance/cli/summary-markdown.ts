// `conformite-synthese.md`: the short French summary of a conformance run,
// for a reviewer: overall verdict, who was tested with what, counts, the verdict per requirement,
// then the failures with their motif, the setup errors and the inapplicable scenarios. Pure.
import type { ClientProfile } from './client-profile.ts';
import { SCENARIO_VERDICTS, type VerdictCounts } from './conformance-verdict.ts';
import { formatDuration, productLabel, type ConformanceSummary } from './conformance-summary.ts';
import { describeSuite } from './suite-version.ts';

export function summaryMarkdown(summary: ConformanceSummary): string {
  const lines = [
    '# Synthèse de conformité MSSanté',
    '',
    `**Verdict global : ${summary.verdict}** — ${summary.reason}`,
    '',
    '| | |',
    '|---|---|',
    ...identityRows(summary).map(([label, value]) => `| ${label} | ${cell(value)} |`),
    '',
    '## Décompte',
    '',
    `- Scénarios : ${countLine(summary.counts.scenarios)}.`,
    `- Exigences : ${countLine(summary.counts.requirements)}.`,
    ...(summary.coverage ? [`- ${summary.coverage.line}`] : []),
    ...(summary.reservations.length > 0 ? [`- Réserves (exigences recommandées ou facultatives en échec) : ${summary.reservations.join(', ')}.`] : []),
    '',
    '## Verdict par exigence',
    '',
    '| Exigence | Niveau | Verdict | Scénarios |',
    '|---|---|---|---|',
    ...summary.requirements.map((r) => `| ${cell(r.id)} | ${r.level ?? 'hors registre'} | ${r.verdict} | ${cell(r.scenarios.map((s) => `${s.name} (${s.verdict})`).join(' ; '))} |`),
    ...section('Échecs', summary, 'échoué', (s) => s.motif),
    ...section('Erreurs de mise en place', summary, 'erreur de mise en place', (s) => s.motif),
    ...section('Inapplicables', summary, 'inapplicable', (s) => (s.missingCapabilities.length > 0 ? `capacité non déclarée : ${s.missingCapabilities.join(', ')}` : s.motif)),
    '',
    'Détail et preuves (transcriptions SMTP/IMAP, messages .eml) : `conformite.html` ; messages cucumber : `conformite.ndjson` ; JUnit : `conformite.junit.xml` ; couverture du registre : `couverture-exigences.csv`.',
  ];
  return lines.join('\n') + '\n';
}

export function driverLabel(client: ClientProfile): string {
  if (client.driverKind === 'http') return `adaptateur HTTP ${client.adapterUrl ?? ''}`.trim();
  if (client.driverKind === 'manual') return 'pilote manuel (une personne suit les consignes)';
  if (client.driverKind === 'webmail') return 'messagerie web du simulateur (pilotée par ses routes /api/webmail)';
  return client.variants.length > 0 ? `client de référence, variantes fautives : ${client.variants.join(', ')}` : 'client de référence';
}

export const clientLabel = productLabel;

export function countLine(counts: VerdictCounts): string {
  const total = SCENARIO_VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0);
  return `${SCENARIO_VERDICTS.map((verdict) => `${counts[verdict]} ${verdict}`).join(', ')} (${total} au total)`;
}

/** « un scénario à la fois », « 2 scénarios à la fois ». */
export function concurrency(parallel: number): string {
  return parallel > 1 ? `${parallel} scénarios à la fois` : 'un scénario à la fois';
}

function identityRows(summary: ConformanceSummary): [string, string][] {
  const { client, run } = summary;
  const declared = client.declaredCapabilities.join(', ') || 'aucune';
  const retained = client.capabilities.join(', ') || 'aucune';
  return [
    ['Produit testé', summary.product.label],
    ...(summary.product.source === '--produit' ? [['Client déclaré', clientLabel(client)] as [string, string]] : []),
    ['Pilote', driverLabel(client)],
    ['Capacités déclarées', declared],
    ...(retained !== declared ? [['Capacités retenues (--capacites)', retained] as [string, string]] : []),
    ['Suite', describeSuite(summary.suite)],
    ...(summary.suite.fingerprint === undefined ? [] : [['Empreinte du simulateur (SHA-256)', summary.suite.fingerprint] as [string, string]]),
    ['Date', `${run.startedAt.slice(0, 19).replace('T', ' ')} UTC`],
    ['Durée', formatDuration(run.durationMs)],
    ['Sélection', `${run.tags} ; ${concurrency(run.parallel)}`],
    ...(run.fixturesDir === undefined ? [] : [['Jeu de données', run.fixturesDir] as [string, string]]),
  ];
}

function section(title: string, summary: ConformanceSummary, verdict: string, detail: (s: ConformanceSummary['scenarios'][number]) => string): string[] {
  const mine = summary.scenarios.filter((s) => s.verdict === verdict);
  if (mine.length === 0) return [];
  return ['', `## ${title}`, '', ...mine.map((s) => `- **${s.name}** (\`${s.location}\`, ${s.requirementIds.join(', ') || 'sans exigence'}) : ${oneLine(detail(s))}`)];
}

/** A table cell: no line break, no column separator. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
