// The verdict of one conformance scenario (REG-DEC-04): réussi, échoué, inapplicable
// (a capability the client did not declare), erreur de mise en place (the driver or the
// environment is wrong: not the client's fault). Attached to the scenario as JSON, so that the
// summary reads it back from the run's messages. Pure.

export const VERDICT_MEDIA_TYPE = 'application/vnd.mssante.verdict+json';

export type ScenarioVerdict = 'réussi' | 'échoué' | 'inapplicable' | 'erreur de mise en place';

export interface VerdictRecord {
  readonly verdict: ScenarioVerdict;
  /** French, for the report. */
  readonly motif: string;
  readonly missingCapabilities?: readonly string[];
}

/** Error names (cucumber keeps the constructor name) that mean a setup error, not a failure. */
export const SETUP_ERROR_NAMES: ReadonlySet<string> = new Set(['DriverSetupError', 'DriverRequestError', 'DriverChoiceError', 'ManualDriverSetupError', 'ReferenceDriverNotConfiguredError', 'CampaignStoppedError']);

export const CAPABILITY_TAG = '@capacite:';

/** Capabilities a scenario needs, from its `@capacite:<name>` tags (feature, rule and scenario). */
export function requiredCapabilities(tags: readonly { readonly name: string }[]): string[] {
  return [...new Set(tags.map((t) => t.name).filter((n) => n.startsWith(CAPABILITY_TAG)).map((n) => n.slice(CAPABILITY_TAG.length)))];
}

export function inapplicable(missing: readonly string[]): VerdictRecord {
  return { verdict: 'inapplicable', motif: `Capacité non déclarée par le client : ${missing.join(', ')}.`, missingCapabilities: missing };
}

export function verdictOfResult(result: { readonly status: string; readonly message?: string; readonly exception?: { readonly type: string; readonly message?: string } }): VerdictRecord {
  if (result.status === 'PASSED') return { verdict: 'réussi', motif: 'Toutes les vérifications sont passées.' };
  const message = firstLine(result.exception?.message ?? result.message ?? '');
  if (result.exception && SETUP_ERROR_NAMES.has(result.exception.type)) return { verdict: 'erreur de mise en place', motif: message };
  if (result.status === 'FAILED') return { verdict: 'échoué', motif: message };
  // UNDEFINED, AMBIGUOUS, PENDING: the suite itself is wrong, never a pass.
  return { verdict: 'erreur de mise en place', motif: `Étape du banc ${result.status.toLowerCase()} : ${message}`.trim() };
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
