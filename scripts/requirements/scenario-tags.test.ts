import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectRequirementTags } from './scenario-tags.ts';

const FEATURE = `# language: fr
@req:F-01 @simulateur
Fonctionnalité: héritage
  Contexte:
    Soit un contexte

  Scénario: hors règle
    Soit une étape

  @req:R-01
  Règle: une règle

    @req:S-01 @req:F-01
    Scénario: dans la règle
      Soit une étape

    @req:P-01
    Plan du scénario: un plan <n>
      Soit une étape <n>

      @req:E-01
      Exemples: premiers
        | n |
        | 1 |
        | 2 |

      Exemples: autres
        | n |
        | 3 |
`;

test('a scenario inherits the tags of its feature, rule and examples', () => {
  const { scenarios, problems } = collectRequirementTags([{ uri: 'features/h.feature', text: FEATURE }]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    scenarios.map((s) => [s.line, s.name, s.requirementIds]),
    [
      [7, 'hors règle', ['F-01']],
      [14, 'dans la règle', ['F-01', 'R-01', 'S-01']],
      [24, 'un plan 1', ['F-01', 'R-01', 'P-01', 'E-01']],
      [25, 'un plan 2', ['F-01', 'R-01', 'P-01', 'E-01']],
      [29, 'un plan 3', ['F-01', 'R-01', 'P-01']],
    ],
  );
});

test('lists every written @req: tag with its line', () => {
  const { tags } = collectRequirementTags([{ uri: 'features/h.feature', text: FEATURE }]);
  assert.deepEqual(
    tags.map((t) => `${t.id}@${t.line}`),
    ['F-01@2', 'R-01@10', 'S-01@13', 'F-01@13', 'P-01@17', 'E-01@21'],
  );
});

test('an empty @req: tag and an unreadable feature are problems, other files still read', () => {
  const broken = '# language: fr\nFonctionnalité: x\n  Scénario: a\n    Soit b\n  | sans table |\n  Blabla\n';
  const empty = '# language: fr\nFonctionnalité: y\n  @req:\n  Scénario: a\n    Soit b\n';
  const { scenarios, problems } = collectRequirementTags([
    { uri: 'features/broken.feature', text: broken },
    { uri: 'features/empty.feature', text: empty },
  ]);
  assert.equal(scenarios.length, 1);
  assert.deepEqual(scenarios[0]?.requirementIds, ['']);
  assert.equal(problems.length, 2);
  assert.deepEqual(problems[0], {
    file: 'features/broken.feature',
    line: 6,
    message: "fichier Gherkin illisible : (6:3): expected: #EOF, #TableRow, #StepLine, #TagLine, #ExamplesLine, #ScenarioLine, #RuleLine, #Comment, #Empty, got 'Blabla'",
  });
  assert.deepEqual(problems[1], {
    file: 'features/empty.feature',
    line: 3,
    message: 'étiquette « @req: » sans identifiant : écrivez @req:<ID> avec un ID de features/exigences.csv.',
  });
});
