// The citations rule: the repository cites only what it holds. No file may point to a document
// outside it (the research notes, the design and style notes) or to an issue number; every rule ID `REG-…` cited anywhere is defined (as a
// `### REG-…` heading) in features/regles.md; every ID of the requirement register is mapped
// there. Pure: file texts in, problems out (French, file:line, what to do).
import type { RequirementProblem } from './requirement-problem.ts';

export const RULES_FILE = 'features/regles.md';

export interface TrackedFile {
  readonly path: string;
  readonly text: string;
}

/** What must never be cited, and what to write instead. */
const FORBIDDEN: readonly { readonly pattern: RegExp; readonly fix: string }[] = [
  { pattern: /\bDOMAIN\.md\b/i, fix: `citez l'identifiant de la règle (${RULES_FILE}, REG-…) ou l'exigence ANS` },
  { pattern: /shared\/DOMAIN/i, fix: `citez l'identifiant de la règle (${RULES_FILE}, REG-…)` },
  { pattern: /\.\.\/shared\//, fix: `ce dossier n'existe pas pour qui clone le projet : renvoyez vers ${RULES_FILE} ou vers un fichier du dépôt` },
  { pattern: /\b(DESIGN|STYLE)\.md\b/, fix: `ces notes ne sont pas dans le dépôt : citez la décision du projet (${RULES_FILE}, REG-DEC-…) ou retirez la mention` },
  { pattern: /\bissues?\s*#?\s*\d+/i, fix: "citez la règle (REG-…), l'exigence ANS ou la RFC, ou retirez la mention si elle n'était qu'historique" },
];

const RULE_ID = /\bREG-[A-Z]+-\d+\b/g;
const RULE_HEADING = /^### (REG-[A-Z]+-\d+)\b/gm;

/** IDs defined in the rules document: its `### REG-XXX-nn · title` headings. */
export function definedRuleIds(rules: string): Set<string> {
  return new Set(Array.from(rules.matchAll(RULE_HEADING), (match) => match[1]!));
}

/** Register IDs listed in the first column of a table row of the rules document. */
export function mappedRegisterIds(rules: string): Set<string> {
  const ids = new Set<string>();
  for (const line of rules.split('\n')) {
    const cell = /^\|\s*([^|\s]+)\s*\|/.exec(line)?.[1];
    if (cell !== undefined) ids.add(cell);
  }
  return ids;
}

/** Forbidden citations and unknown rule IDs in the tracked files, one problem per occurrence. */
export function citationProblems(files: readonly TrackedFile[], rules: string): RequirementProblem[] {
  const defined = definedRuleIds(rules);
  const problems: RequirementProblem[] = [];
  for (const file of files) {
    file.text.split('\n').forEach((text, index) => {
      const line = index + 1;
      for (const { pattern, fix } of FORBIDDEN) {
        const found = pattern.exec(text)?.[0];
        if (found !== undefined) problems.push({ file: file.path, line, message: `« ${found} » cite ce qui n'est pas dans le dépôt : ${fix}.` });
      }
      for (const [id] of text.matchAll(RULE_ID)) {
        if (!defined.has(id)) problems.push({ file: file.path, line, message: `la règle ${id} n'est pas définie dans ${RULES_FILE} : ajoutez un titre « ### ${id} · … » ou citez une règle existante.` });
      }
    });
  }
  return problems;
}

/** Register IDs (with their register line) that the rules document neither defines nor maps. */
export function unmappedRegisterProblems(register: readonly { readonly id: string; readonly line: number }[], registerFile: string, rules: string): RequirementProblem[] {
  const mapped = mappedRegisterIds(rules);
  return register
    .filter((requirement) => !mapped.has(requirement.id))
    .map((requirement) => ({
      file: registerFile,
      line: requirement.line,
      message: `l'exigence ${requirement.id} n'a pas de ligne dans la table de correspondance de ${RULES_FILE} : ajoutez « | ${requirement.id} | REG-… | ».`,
    }));
}
