import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCoverage } from './coverage-check.ts';
import type { Requirement } from './requirement-register.ts';
import { formatProblem } from './requirement-problem.ts';

const requirement = (id: string, level: Requirement['level'], reasonNotTested: string, line: number): Requirement => ({ id, source: 'REG-ADR-01', level, text: 'Texte.', reasonNotTested, line });
const REGISTER = [
  requirement('A-01', 'DOIT', '', 2),
  requirement('A-02', 'DOIT', '', 3),
  requirement('A-03', 'DOIT', 'hors périmètre', 4),
  requirement('A-04', 'PEUT', '', 5),
  requirement('A-05', 'DOIT', 'à couvrir', 6),
];

test('unknown IDs and uncovered mandatory requirements are problems, in French, with lines', () => {
  const tags = [
    { id: 'A-01', uri: 'features/a.feature', line: 4 },
    { id: 'INCONNUE-01', uri: 'features/a.feature', line: 9 },
    { id: 'A-05', uri: 'features/a.feature', line: 12 },
  ];
  const scenarios = [
    { uri: 'features/a.feature', line: 5, name: 's1', requirementIds: ['A-01'] },
    { uri: 'features/a.feature', line: 13, name: 's2', requirementIds: ['A-05', 'INCONNUE-01'] },
  ];
  const { problems, warnings } = checkCoverage(REGISTER, 'features/exigences.csv', tags, scenarios);
  assert.deepEqual(problems.map(formatProblem), [
    "features/a.feature:9 : exigence « INCONNUE-01 » inconnue du registre : ajoutez-la à features/exigences.csv ou corrigez l'étiquette @req:.",
    'features/exigences.csv:3 : exigence obligatoire « A-02 » sans scénario ni motif : étiquetez un scénario @req:A-02 ou remplissez motif_non_teste.',
  ]);
  assert.deepEqual(warnings.map(formatProblem), [
    'features/exigences.csv:6 : « A-05 » est couverte par des scénarios mais garde le motif « à couvrir » : videz la colonne motif_non_teste.',
  ]);
});

test('a tag on a feature with no scenario does not cover its requirement', () => {
  const { problems } = checkCoverage([requirement('A-01', 'DOIT', '', 2)], 'r.csv', [{ id: 'A-01', uri: 'f', line: 2 }], []);
  assert.deepEqual(problems.map(formatProblem), ['r.csv:2 : exigence obligatoire « A-01 » sans scénario ni motif : étiquetez un scénario @req:A-01 ou remplissez motif_non_teste.']);
});
