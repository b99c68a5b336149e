// Stable codes of the conformance verdicts, for machines (the JSON summary and its schema, the
// report's filters, the evidence bundle), beside the French labels people read. A code is never
// renamed once released; a label may be reworded. « Conforme avec réserves »: every mandatory
// (DOIT) requirement is met but a recommended or optional one failed. Pure.
import type { ScenarioVerdict } from '../../../steps/conformance/support/scenario-verdict.ts';
import type { OverallVerdict } from './conformance-verdict.ts';

export type OverallCode = 'conforme' | 'conforme-avec-reserves' | 'non-conforme' | 'erreur-de-mise-en-place';
export type ScenarioCode = 'reussi' | 'echoue' | 'inapplicable' | 'erreur-de-mise-en-place';

export const OVERALL_LABELS: Readonly<Record<OverallCode, string>> = {
  conforme: 'Conforme',
  'conforme-avec-reserves': 'Conforme avec réserves',
  'non-conforme': 'Non conforme',
  'erreur-de-mise-en-place': 'Erreur de mise en place',
};

export const SCENARIO_CODES: Readonly<Record<ScenarioVerdict, ScenarioCode>> = {
  réussi: 'reussi',
  échoué: 'echoue',
  inapplicable: 'inapplicable',
  'erreur de mise en place': 'erreur-de-mise-en-place',
};

export function overallCode(overall: OverallVerdict, reservations: readonly string[]): OverallCode {
  if (overall === 'Non conforme') return 'non-conforme';
  if (overall === 'Erreur de mise en place') return 'erreur-de-mise-en-place';
  return reservations.length > 0 ? 'conforme-avec-reserves' : 'conforme';
}
