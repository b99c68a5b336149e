// The verdicts of a conformance run above the scenario (REG-DEC-04): per requirement
// (échoué if one of its scenarios failed, erreur de mise en place if one had a setup error,
// inapplicable if all were inapplicable, réussi if every applicable one passed), and overall:
// « Conforme » only when every applicable scenario covering a mandatory (DOIT) requirement passed
// and nothing went wrong in the setup. A failed scenario covering only DEVRAIT/PEUT requirements is
// a reservation, not a non-conformity. Pure.
import type { Level, Requirement } from '../../requirements/requirement-register.ts';
import type { ScenarioVerdict } from '../../../steps/conformance/support/scenario-verdict.ts';
import type { ScenarioResult } from './scenario-verdicts.ts';

export const SCENARIO_VERDICTS: readonly ScenarioVerdict[] = ['réussi', 'échoué', 'inapplicable', 'erreur de mise en place'];

export type OverallVerdict = 'Conforme' | 'Non conforme' | 'Erreur de mise en place';

export interface RequirementResult {
  readonly id: string;
  /** Undefined: the ID is not in the register (treated as mandatory). */
  readonly level: Level | undefined;
  readonly text: string;
  readonly verdict: ScenarioVerdict;
  readonly scenarios: readonly ScenarioResult[];
}

export type VerdictCounts = Readonly<Record<ScenarioVerdict, number>>;

export interface RunVerdict {
  readonly overall: OverallVerdict;
  /** Why, in one French sentence. */
  readonly reason: string;
  readonly requirements: readonly RequirementResult[];
  readonly scenarioCounts: VerdictCounts;
  readonly requirementCounts: VerdictCounts;
  /** Failed requirements that are not mandatory (reservations of a « Conforme »). */
  readonly reservations: readonly string[];
}

/** Requirements in register order, then IDs unknown to the register; only those the run covered. */
export function judgeRun(scenarios: readonly ScenarioResult[], register: readonly Requirement[]): RunVerdict {
  const ids = new Set(scenarios.flatMap((s) => s.requirementIds));
  const known = register.filter((r) => ids.has(r.id)).map((r) => ({ id: r.id, level: r.level as Level | undefined, text: r.text }));
  const unknown = [...ids].filter((id) => !register.some((r) => r.id === id)).map((id) => ({ id, level: undefined, text: 'Exigence absente du registre features/exigences.csv.' }));
  const requirements = [...known, ...unknown].map((r) => {
    const mine = scenarios.filter((s) => s.requirementIds.includes(r.id));
    return { ...r, verdict: requirementVerdict(mine), scenarios: mine };
  });
  const reservations = requirements.filter((r) => r.verdict === 'échoué' && r.level !== undefined && r.level !== 'DOIT').map((r) => r.id);
  return { ...overallVerdict(scenarios, register), requirements, scenarioCounts: countVerdicts(scenarios), requirementCounts: countVerdicts(requirements), reservations };
}

export function requirementVerdict(scenarios: readonly { readonly verdict: ScenarioVerdict }[]): ScenarioVerdict {
  const has = (verdict: ScenarioVerdict) => scenarios.some((s) => s.verdict === verdict);
  if (has('échoué')) return 'échoué';
  if (has('erreur de mise en place')) return 'erreur de mise en place';
  if (scenarios.every((s) => s.verdict === 'inapplicable')) return 'inapplicable';
  return 'réussi';
}

function overallVerdict(scenarios: readonly ScenarioResult[], register: readonly Requirement[]): { overall: OverallVerdict; reason: string } {
  const setup = scenarios.filter((s) => s.verdict === 'erreur de mise en place').length;
  if (setup > 0) return { overall: 'Erreur de mise en place', reason: `${setup} scénario(s) en erreur de mise en place : le banc ou l'adaptateur est en cause, pas le client ; corrigez puis relancez.` };
  if (!scenarios.some((s) => s.verdict !== 'inapplicable')) {
    return { overall: 'Erreur de mise en place', reason: 'Aucun scénario applicable exécuté : rien n\'a été vérifié ; élargissez --tags ou déclarez les capacités du client.' };
  }
  const levelOf = new Map(register.map((r) => [r.id, r.level]));
  const mandatory = (s: ScenarioResult) => s.requirementIds.length === 0 || s.requirementIds.some((id) => (levelOf.get(id) ?? 'DOIT') === 'DOIT');
  const failed = scenarios.filter((s) => s.verdict === 'échoué');
  const mandatoryFailed = failed.filter(mandatory).length;
  if (mandatoryFailed > 0) return { overall: 'Non conforme', reason: `${mandatoryFailed} scénario(s) d'exigences obligatoires (DOIT) en échec.` };
  const inapplicable = scenarios.filter((s) => s.verdict === 'inapplicable').length;
  const notJudged = inapplicable > 0 ? ` ${inapplicable} scénario(s) inapplicable(s) (capacité non déclarée, ou attestation sans pilote manuel) n'ont pas été jugés.` : '';
  if (failed.length > 0) return { overall: 'Conforme', reason: `Toutes les exigences obligatoires applicables sont satisfaites ; ${failed.length} scénario(s) d'exigences recommandées ou facultatives en échec (réserves).${notJudged}` };
  return { overall: 'Conforme', reason: `Tous les scénarios applicables sont réussis.${notJudged}` };
}

function countVerdicts(items: readonly { readonly verdict: ScenarioVerdict }[]): VerdictCounts {
  const counts = { réussi: 0, échoué: 0, inapplicable: 0, 'erreur de mise en place': 0 };
  for (const item of items) counts[item.verdict] += 1;
  return counts;
}

/** Exit code of the run (REG-DEC-05): 0 conforme, 1 non conforme, 78 setup error. */
export function exitCodeOf(overall: OverallVerdict): 0 | 1 | 78 {
  if (overall === 'Conforme') return 0;
  if (overall === 'Non conforme') return 1;
  return 78;
}
