// The part of the certification report about one scenario that failed or hit a setup error:
// the requirements at stake with their level and text, the rule in plain French, what was
// expected against what was observed, the evidence inline with the offending lines highlighted
// (the client's own account first), and « Comment corriger » for that check (fix-catalogue.ts).
// Every text from the run is escaped. Pure.
import type { ConformanceSummary } from '../cli/conformance-summary.ts';
import { evidenceBlock, isClientReport } from './evidence-block.ts';
import { observedValuePatterns } from './evidence-excerpt.ts';
import { fixAdvice } from './fix-catalogue.ts';
import { escapeHtml, slug } from './html-text.ts';
import { familyOf } from './requirement-family.ts';
import { failingStep, readableMessage, type AttachmentDetail, type ScenarioDetail, type StepKind } from './scenario-details.ts';

type Scenario = ConformanceSummary['scenarios'][number];
type Requirement = ConformanceSummary['requirements'][number];

const KEYWORDS: Readonly<Record<StepKind, string>> = { Context: 'Étant donné', Action: 'Quand', Outcome: 'Alors', Unknown: '' };

const SETUP_FIX = "Ce n'est pas un défaut du logiciel testé : le banc, l'adaptateur ou l'environnement n'a pas permis de jouer le scénario. Corrigez la cause indiquée (adaptateur joignable et conforme au contrat, capacités déclarées exactes, données valides), puis relancez la campagne : aucun verdict de conformité ne peut être rendu tant que cette erreur subsiste.";

/**
 * When the failure quotes an observed value, only the evidence that contains it is highlighted
 * (the offending message, not its siblings); otherwise the check's patterns apply to all.
 */
export function highlightsFor(attachments: readonly AttachmentDetail[], checkPatterns: readonly RegExp[], observedPatterns: readonly RegExp[]): RegExp[][] {
  const holds = attachments.map((a) => observedPatterns.some((p) => a.bytes.toString('utf8').split(/\r?\n/).some((line) => p.test(line))));
  if (!holds.some(Boolean)) return attachments.map(() => [...checkPatterns]);
  return holds.map((held) => (held ? [...checkPatterns, ...observedPatterns] : []));
}

export function failureAnchor(scenario: Scenario): string {
  return `scenario-${slug(scenario.location)}`;
}

export function failureSection(scenario: Scenario, detail: ScenarioDetail | undefined, requirements: readonly Requirement[]): string {
  const mine = requirements.filter((r) => scenario.requirementIds.includes(r.id));
  const step = failingStep(detail);
  const setup = scenario.verdictCode === 'erreur-de-mise-en-place';
  const advice = fixAdvice(step?.pattern, mine);
  const observed = step?.message === undefined ? scenario.motif : readableMessage(step.message);
  const attachments = [...(detail?.attachments ?? [])].sort((a, b) => Number(isClientReport(b.fileName)) - Number(isClientReport(a.fileName)));
  const highlights = setup ? attachments.map(() => []) : highlightsFor(attachments, advice.highlight, observedValuePatterns(observed));
  const blocks = attachments.map((a, index) => evidenceBlock(a, highlights[index] ?? []));
  const ordered = [...blocks.filter((b) => b.highlighted), ...blocks.filter((b) => !b.highlighted)];
  const folded = attachments.filter((a, index) => !blocks[index]?.highlighted && !isClientReport(a.fileName)).map((a) => a.fileName);
  const printNote = folded.length > 0 ? `<p class="impression-seulement">Autres pièces, sans ligne en cause, dans le dossier de preuve : ${folded.map(escapeHtml).join(', ')}.</p>` : '';
  const families = [...new Set(scenario.requirementIds.map((id) => familyOf(id).code))].join(' ');
  const rows = [
    ['Exigence(s)', mine.map((r) => `<strong>${escapeHtml(r.id)}</strong> (${escapeHtml(r.level ?? 'hors registre')}) : ${escapeHtml(r.text)}`).join('<br>') || 'aucune'],
    ...(setup ? [] : [['Règle', escapeHtml(advice.rule)]]),
    ['Attendu', step ? `${escapeHtml(`${KEYWORDS[step.kind]} ${step.text}`.trim())}` : 'Le scénario se déroule jusqu\'au bout.'],
    ['Observé', `<span class="observe">${escapeHtml(observed)}</span>`],
    ['Scénario', `<code>${escapeHtml(scenario.location)}</code>`],
  ];
  return [
    `<section class="echec v-bloc-${scenario.verdictCode}" id="${failureAnchor(scenario)}" data-verdict="${scenario.verdictCode}" data-famille="${families}">`,
    `<h3><span class="badge v-${scenario.verdictCode}">${escapeHtml(scenario.verdict)}</span> ${escapeHtml(scenario.name)}</h3>`,
    `<dl>${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`,
    `<div class="corriger"><h4>Comment corriger</h4><p>${escapeHtml(setup ? SETUP_FIX : advice.fix)}</p></div>`,
    ordered.length > 0 ? `<h4>Preuves</h4>${ordered.map((b) => b.html).join('')}${printNote}` : '<p>Aucune preuve jointe : le scénario s\'est arrêté avant tout échange.</p>',
    '</section>',
  ].join('\n');
}
