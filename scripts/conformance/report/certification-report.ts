// The French certification report of a conformance campaign (conformite-rapport.html): one
// self-contained HTML file a vendor can attach to a certification file or print to PDF on A4.
// Product, suite version, date and simulator fingerprint; the overall verdict in large type; one
// row per requirement (ID, level, text, verdict, scenarios); then every failure with its rule,
// expected against observed, evidence and « Comment corriger » (failure-section.ts). Built from
// the same summary as conformite-synthese.json plus the run's messages. Its Content-Security-
// Policy allows no network access and only the filter script (report-script.ts). Pure.
import { formatDuration, type ConformanceSummary } from '../cli/conformance-summary.ts';
import { concurrency, countLine, driverLabel } from '../cli/summary-markdown.ts';
import { describeSuite } from '../cli/suite-version.ts';
import { failureAnchor, failureSection } from './failure-section.ts';
import { escapeHtml } from './html-text.ts';
import { familiesOf, familyOf } from './requirement-family.ts';
import { REPORT_SCRIPT, scriptHashSource } from './report-script.ts';
import { REPORT_STYLE } from './report-style.ts';
import type { ScenarioDetail } from './scenario-details.ts';

export const REPORT_FILE_NAME = 'conformite-rapport.html';

const VERDICT_FILTERS: readonly [string, string][] = [['echoue', 'échoué'], ['erreur-de-mise-en-place', 'erreur de mise en place'], ['reussi', 'réussi'], ['inapplicable', 'inapplicable']];

export function certificationReport(summary: ConformanceSummary, details: ReadonlyMap<string, ScenarioDetail>): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptHashSource()}; img-src data:; base-uri 'none'; form-action 'none'`;
  const failures = summary.scenarios.filter((s) => s.verdictCode === 'echoue' || s.verdictCode === 'erreur-de-mise-en-place');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Rapport de conformité MSSanté — ${summary.product.label} — ${summary.verdict}`)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>Rapport de conformité MSSanté</h1>
<p class="sous-titre">Banc de conformité des logiciels de messagerie MSSanté et Mon espace santé</p>
${identityTable(summary)}
</header>
<main>
<div class="verdict v-${summary.verdictCode}" id="verdict-global">
<p class="libelle">${escapeHtml(summary.verdict)}</p>
<p>${escapeHtml(summary.reason)}</p>
<p>Exigences : ${escapeHtml(countLine(summary.counts.requirements))}.<br>Scénarios : ${escapeHtml(countLine(summary.counts.scenarios))}.</p>
${summary.coverage ? `<p class="couverture">${escapeHtml(summary.coverage.line)}</p>` : ''}
${summary.reservations.length > 0 ? `<p>Réserves (exigences recommandées ou facultatives en échec) : ${escapeHtml(summary.reservations.join(', '))}.</p>` : ''}
</div>
<h2>Verdict par exigence</h2>
${filters(summary)}
${requirementTable(summary)}
<h2>Échecs et erreurs de mise en place (${failures.length})</h2>
${failures.length === 0 ? '<p>Aucun : toutes les vérifications applicables sont passées.</p>' : failures.map((s) => failureSection(s, details.get(s.location), summary.requirements)).join('\n')}
</main>
<footer>
<p>Rapport produit par ${escapeHtml(describeSuite(summary.suite))}. Les preuves complètes (transcriptions, messages .eml, messages cucumber) sont dans le dossier de preuve de la campagne ; <code>conformite.html</code> est la vue de développement de cucumber.</p>
</footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function identityTable(summary: ConformanceSummary): string {
  const { client, run, suite } = summary;
  const rows: [string, string][] = [
    ['Produit testé', summary.product.label + (summary.product.source === '--produit' ? ' (donné par --produit)' : '')],
    ...(client.client.vendor ? [['Éditeur déclaré', client.client.vendor] as [string, string]] : []),
    ['Pilote', driverLabel(client)],
    ['Capacités déclarées', client.declaredCapabilities.join(', ') || 'aucune'],
    ['Suite de conformité', describeSuite(suite)],
    ['Empreinte du simulateur (SHA-256)', suite.fingerprint ?? 'non calculée'],
    ['Date', `${run.startedAt.slice(0, 19).replace('T', ' ')} UTC`],
    ['Durée', `${formatDuration(run.durationMs)} (${concurrency(run.parallel)})`],
    ['Sélection', run.tags],
  ];
  return `<table class="identite">${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function filters(summary: ConformanceSummary): string {
  const families = familiesOf(summary.requirements.map((r) => r.id));
  const verdictOptions = VERDICT_FILTERS.map(([code, label]) => `<option value="${code}">${escapeHtml(label)}</option>`).join('');
  const familyOptions = families.map((f) => `<option value="${f.code}">${escapeHtml(f.label)}</option>`).join('');
  return `<form class="filtres" aria-label="Filtres"><label>Verdict<select id="filtre-verdict"><option value="">tous</option>${verdictOptions}</select></label><label>Famille d'exigences<select id="filtre-famille"><option value="">toutes</option>${familyOptions}</select></label><span id="filtre-compte" aria-live="polite"></span></form>`;
}

function requirementTable(summary: ConformanceSummary): string {
  const byLocation = new Map(summary.scenarios.map((s) => [s.location, s]));
  const rows = summary.requirements.map((r) => {
    const scenarios = r.scenarios.map((s) => {
      const full = byLocation.get(s.location);
      const link = full && (full.verdictCode === 'echoue' || full.verdictCode === 'erreur-de-mise-en-place') ? ` — <a href="#${failureAnchor(full)}">voir l'échec</a>` : '';
      const why = full?.verdictCode === 'inapplicable' ? ` (${escapeHtml(full.motif)})` : '';
      return `<li><span class="v-${s.verdictCode}">${escapeHtml(s.verdict)}</span> : ${escapeHtml(s.name)}${why}${link}</li>`;
    });
    return `<tr class="v-ligne-${r.verdictCode}" data-verdict="${r.verdictCode}" data-famille="${familyOf(r.id).code}"><td class="id">${escapeHtml(r.id)}</td><td>${escapeHtml(r.level ?? 'hors registre')}</td><td>${escapeHtml(r.text)}</td><td><span class="badge v-${r.verdictCode}">${escapeHtml(r.verdict)}</span></td><td><ul>${scenarios.join('')}</ul></td></tr>`;
  });
  return `<table class="exigences"><thead><tr><th>Exigence</th><th>Niveau</th><th>Texte</th><th>Verdict</th><th>Scénarios</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}
