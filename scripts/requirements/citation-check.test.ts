// The citations rule on synthetic files (each check can fail), then on every tracked file of the
// repository: nothing cites a document outside it or an issue number, every REG- ID cited is
// defined in features/regles.md, every register ID is mapped there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citationProblems, definedRuleIds, RULES_FILE, unmappedRegisterProblems, type TrackedFile } from './citation-check.ts';
import { formatProblem } from './requirement-problem.ts';
import { parseRegister } from './requirement-register.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const RULES = '# Règles\n\n### REG-ADR-01 · Adresse\nTexte.\n\n| registre | règles |\n|---|---|\n| MES-ADR-01 | REG-ADR-01 |\n';
// Built by concatenation so that this file does not cite them itself.
const DOMAIN_FILE = 'DOMAIN' + '.md';
const ISSUE = 'iss' + 'ue';

const problemsOf = (text: string) => citationProblems([{ path: 'a.ts', text }], RULES).map(formatProblem);

test('a defined rule ID and ANS or RFC citations are fine', () => {
  assert.deepEqual(problemsOf('// REG-ADR-01, SC.MSS/CONF.21, RFC 5321 §4.5.5\n'), []);
  assert.deepEqual([...definedRuleIds(RULES)], ['REG-ADR-01']);
});

test('an outside document or an issue number is reported at its line, with what to do', () => {
  const problems = problemsOf(`ok\n// ${DOMAIN_FILE} A1\n[lien](${'..'}/shared/bench)\n// (${ISSUE} 6, Safety)\n// ${ISSUE} #12\n`);
  assert.equal(problems.length, 4);
  assert.match(problems[0]!, new RegExp(`^a\\.ts:2 : « ${DOMAIN_FILE.replace('.', '\\.')} » cite ce qui n'est pas dans le dépôt : citez l'identifiant de la règle`));
  assert.match(problems[1]!, /^a\.ts:3 : « \.\.\/shared\/ » cite/);
  assert.match(problems[2]!, new RegExp(`^a\\.ts:4 : « ${ISSUE} 6 » cite .*retirez la mention si elle n'était qu'historique\\.$`));
  assert.match(problems[3]!, new RegExp(`^a\\.ts:5 : « ${ISSUE} #12 »`));
});

test('the design and style notes outside the repository are reported, pointing to REG-DEC rules', () => {
  const problems = problemsOf(`// (${'STYLE'}.md principle 5)\n// (${'DESIGN'}.md §3)\n`);
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /^a\.ts:1 : « STYLE\.md » cite .*REG-DEC-…\) ou retirez la mention\.$/);
  assert.match(problems[1]!, /^a\.ts:2 : « DESIGN\.md » cite/);
});

test('issue numbers are found in any case and plural; the word alone is not a citation', () => {
  assert.equal(problemsOf(`${ISSUE.toUpperCase()} 2\n${ISSUE}s 5 et 6\n`).length, 2);
  assert.deepEqual(problemsOf(`one ${ISSUE} with the FHIR ${ISSUE} code\nan ${ISSUE} of 3 octets: no\n`), []);
});

test('an undefined rule ID is reported with the heading to add', () => {
  const undefinedId = 'REG-' + 'ADR-99';
  assert.deepEqual(problemsOf(`// ${undefinedId}\n`), [
    `a.ts:1 : la règle ${undefinedId} n'est pas définie dans ${RULES_FILE} : ajoutez un titre « ### ${undefinedId} · … » ou citez une règle existante.`,
  ]);
});

test('a register ID missing from the correspondence table is reported at its register line', () => {
  const register = [
    { id: 'MES-ADR-01', line: 2 },
    { id: 'MES-FIN-01', line: 3 },
  ];
  assert.deepEqual(unmappedRegisterProblems(register, 'features/exigences.csv', RULES).map(formatProblem), [
    `features/exigences.csv:3 : l'exigence MES-FIN-01 n'a pas de ligne dans la table de correspondance de ${RULES_FILE} : ajoutez « | MES-FIN-01 | REG-… | ».`,
  ]);
});

function trackedFiles(): TrackedFile[] {
  const paths = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  return paths
    .filter((path) => path !== '' && !path.split('/').includes('node_modules') && !path.endsWith('package-lock.json'))
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }))
    .filter((file) => !file.text.includes('\0'));
}

test('the repository cites only what it holds, and every register ID is in features/regles.md', () => {
  const rules = readFileSync(join(ROOT, RULES_FILE), 'utf8');
  const register = parseRegister(readFileSync(join(ROOT, 'features/exigences.csv'), 'utf8'), 'features/exigences.csv');
  const problems = [...citationProblems(trackedFiles(), rules), ...unmappedRegisterProblems(register.requirements, 'features/exigences.csv', rules)];
  assert.deepEqual(problems.map(formatProblem), []);
});
