// conformite.junit.xml, for CI tools: one testcase per scenario, judged as in the summary
// (échoué → <failure>, erreur de mise en place → <error>, inapplicable → <skipped> with its
// reason), each with <properties>: its requirement IDs and levels, the capabilities it needs and
// its verdict code. Written by the conformance command from the same data as the report, instead
// of cucumber's JUnit, which has no requirement and bare skips. Pure.
import type { ConformanceSummary } from '../cli/conformance-summary.ts';
import { escapeHtml as escapeXml } from './html-text.ts';
import { failingStep, readableMessage, type ScenarioDetail } from './scenario-details.ts';

type Scenario = ConformanceSummary['scenarios'][number];

export function junitReport(summary: ConformanceSummary, details: ReadonlyMap<string, ScenarioDetail>): string {
  const levelOf = new Map(summary.requirements.map((r) => [r.id, r.level ?? 'hors registre']));
  const count = (code: string) => summary.scenarios.filter((s) => s.verdictCode === code).length;
  const seconds = (summary.run.durationMs / 1000).toFixed(3);
  const totals = `tests="${summary.scenarios.length}" failures="${count('echoue')}" errors="${count('erreur-de-mise-en-place')}" skipped="${count('inapplicable')}" time="${seconds}"`;
  const cases = summary.scenarios.map((s) => testCase(s, details.get(s.location), levelOf));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="Conformité MSSanté" ${totals}>`,
    `<testsuite name="${escapeXml(`Conformité MSSanté — ${summary.product.label}`)}" ${totals} timestamp="${escapeXml(summary.run.startedAt)}">`,
    '<properties>',
    property('verdict', summary.verdictCode),
    property('produit', summary.product.label),
    property('suite', `${summary.suite.name} ${summary.suite.version}`),
    ...(summary.suite.fingerprint ? [property('empreinte', summary.suite.fingerprint)] : []),
    ...(summary.coverage ? [property('couverture-doit', `${summary.coverage.mandatoryWithScenario}/${summary.coverage.mandatoryInScope}`)] : []),
    '</properties>',
    ...cases,
    '</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(s: Scenario, detail: ScenarioDetail | undefined, levelOf: ReadonlyMap<string, string>): string {
  const properties = [
    ...s.requirementIds.map((id) => property('exigence', id)),
    ...s.requirementIds.map((id) => property(`niveau:${id}`, levelOf.get(id) ?? 'hors registre')),
    ...(detail?.capabilities ?? []).map((c) => property('capacite', c)),
    property('verdict', s.verdictCode),
  ];
  const time = ((detail?.durationMs ?? 0) / 1000).toFixed(3);
  const head = `<testcase classname="${escapeXml(s.uri)}" name="${escapeXml(s.name)}" file="${escapeXml(s.uri)}" line="${s.line}" time="${time}">`;
  return [head, `<properties>${properties.join('')}</properties>`, outcome(s, detail), '</testcase>'].filter((x) => x !== '').join('\n');
}

function outcome(s: Scenario, detail: ScenarioDetail | undefined): string {
  const motif = escapeXml(s.motif);
  if (s.verdictCode === 'inapplicable') return `<skipped message="${motif}"/>`;
  const step = failingStep(detail);
  const body = escapeXml(step?.message === undefined ? s.motif : `${step.text}\n${readableMessage(step.message)}`);
  if (s.verdictCode === 'echoue') return `<failure message="${motif}" type="echoue">${body}</failure>`;
  if (s.verdictCode === 'erreur-de-mise-en-place') return `<error message="${motif}" type="erreur-de-mise-en-place">${body}</error>`;
  return '';
}

function property(name: string, value: string): string {
  return `<property name="${escapeXml(name)}" value="${escapeXml(value)}"/>`;
}
