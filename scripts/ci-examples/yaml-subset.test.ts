// The YAML subset reader on the shapes the CI examples use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlSubset, YamlSubsetError } from './yaml-subset.ts';

test('maps, sequences of maps and scalars, block scalars, flow sequences, comments', () => {
  const source = [
    '# commentaire',
    'name: conformite',
    'jobs:',
    '  tranche:',
    '    matrix:',
    '      tranche: [1, 2, 3]',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      # entre deux étapes',
    '      - name: Tranche ${{ matrix.tranche }}',
    '        run: npm run conformite -- --tranche "${{ matrix.tranche }}/3" || [ $? -eq 1 ]',
    '      - run: |',
    '          echo un',
    '            echo deux',
    '        with:',
    "          path: 'a b'",
    'command: ["npm", "start", \'a, b\']',
    'script:',
    '  - npm ci',
    '  - "x: y"',
  ].join('\n');
  assert.deepEqual(parseYamlSubset(source), {
    name: 'conformite',
    jobs: {
      tranche: {
        matrix: { tranche: ['1', '2', '3'] },
        steps: [
          { uses: 'actions/checkout@v4' },
          { name: 'Tranche ${{ matrix.tranche }}', run: 'npm run conformite -- --tranche "${{ matrix.tranche }}/3" || [ $? -eq 1 ]' },
          { run: 'echo un\n  echo deux\n', with: { path: 'a b' } },
        ],
      },
    },
    command: ['npm', 'start', 'a, b'],
    script: ['npm ci', 'x: y'],
  });
});

test('what the subset does not cover is an error, not a silent misreading', () => {
  assert.throws(() => parseYamlSubset('a: {b: 1}'), YamlSubsetError);
  assert.throws(() => parseYamlSubset('a: 1\n  b: 2'), YamlSubsetError);
});
