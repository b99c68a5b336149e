// The coverage figure printed by `npm test` and by every campaign report: the mandatory (DOIT)
// requirements in the bench's scope that have at least one scenario, over all of them, with the
// share left to manual attestation and the list still to cover. Pure.
import type { Requirement } from './requirement-register.ts';
import { inScope } from './requirement-scope.ts';

export interface RegisterCoverage {
  /** DOIT requirements in scope. */
  readonly mandatoryInScope: number;
  /** Of those, the ones with at least one scenario. */
  readonly mandatoryWithScenario: number;
  /** Of those, the ones whose only scenarios ask a person (tag @attestation). */
  readonly mandatoryByAttestationOnly: number;
  /** DOIT in scope without a scenario. */
  readonly mandatoryToCover: readonly string[];
  /** Requirements out of scope or obsolete, all levels. */
  readonly outOfScope: number;
}

export interface ScenarioOnDisk {
  readonly requirementIds: readonly string[];
  /** The scenario asks a person (tag @attestation) instead of observing the client. */
  readonly attestation?: boolean;
}

export function registerCoverage(requirements: readonly Requirement[], scenarios: readonly ScenarioOnDisk[]): RegisterCoverage {
  const mandatory = requirements.filter((r) => r.level === 'DOIT' && inScope(r));
  const scenariosOf = (id: string) => scenarios.filter((s) => s.requirementIds.includes(id));
  const covered = mandatory.filter((r) => scenariosOf(r.id).length > 0);
  return {
    mandatoryInScope: mandatory.length,
    mandatoryWithScenario: covered.length,
    mandatoryByAttestationOnly: covered.filter((r) => scenariosOf(r.id).every((s) => s.attestation === true)).length,
    mandatoryToCover: mandatory.filter((r) => scenariosOf(r.id).length === 0).map((r) => r.id),
    outOfScope: requirements.filter((r) => !inScope(r)).length,
  };
}

/** One French line, the same everywhere (terminal, Markdown, HTML, JUnit). */
export function coverageLine(coverage: RegisterCoverage): string {
  const { mandatoryInScope: total, mandatoryWithScenario: covered } = coverage;
  const percent = total === 0 ? 100 : Math.floor((covered * 100) / total);
  const attested = coverage.mandatoryByAttestationOnly > 0 ? `, dont ${coverage.mandatoryByAttestationOnly} par attestation manuelle seulement` : '';
  return `Couverture du registre : ${covered} / ${total} exigences DOIT du périmètre ont un scénario (${percent} %${attested}) ; ${coverage.outOfScope} exigence(s) hors périmètre ou obsolète(s), chacune avec son motif.`;
}
