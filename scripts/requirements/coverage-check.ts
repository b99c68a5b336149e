// The rules CI enforces on the register and the scenarios: every `@req:` tag names a
// requirement of the register, and every mandatory (DOIT) requirement is covered by at least
// one scenario or says why not. A reason left beside covering scenarios is only a warning.
import type { Requirement } from './requirement-register.ts';
import type { RequirementProblem } from './requirement-problem.ts';
import type { RequirementTag, TaggedScenario } from './scenario-tags.ts';

export interface CoverageCheck {
  readonly problems: readonly RequirementProblem[];
  readonly warnings: readonly RequirementProblem[];
}

export function checkCoverage(
  requirements: readonly Requirement[],
  registerFile: string,
  tags: readonly RequirementTag[],
  scenarios: readonly TaggedScenario[],
): CoverageCheck {
  const known = new Set(requirements.map((requirement) => requirement.id));
  const problems: RequirementProblem[] = tags
    .filter((tag) => tag.id !== '' && !known.has(tag.id))
    .map((tag) => ({ file: tag.uri, line: tag.line, message: `exigence « ${tag.id} » inconnue du registre : ajoutez-la à ${registerFile} ou corrigez l'étiquette @req:.` }));
  const warnings: RequirementProblem[] = [];
  const covered = new Set(scenarios.flatMap((scenario) => scenario.requirementIds));
  for (const requirement of requirements) {
    const where = { file: registerFile, line: requirement.line };
    if (covered.has(requirement.id)) {
      if (requirement.reasonNotTested !== '') warnings.push({ ...where, message: `« ${requirement.id} » est couverte par des scénarios mais garde le motif « ${requirement.reasonNotTested} » : videz la colonne motif_non_teste.` });
    } else if (requirement.level === 'DOIT' && requirement.reasonNotTested === '') {
      problems.push({ ...where, message: `exigence obligatoire « ${requirement.id} » sans scénario ni motif : étiquetez un scénario @req:${requirement.id} ou remplissez motif_non_teste.` });
    }
  }
  return { problems, warnings };
}
