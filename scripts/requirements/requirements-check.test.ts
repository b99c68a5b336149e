import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRequirementsCheck } from './requirements-check.ts';
import { RequirementsInputError } from './requirements-input-error.ts';
import { runMessages } from './run-messages.fixture.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const HEADER = 'id;source;niveau;texte;motif_non_teste';
const FEATURE = '# language: fr\n@req:A-01\nFonctionnalité: f\n\n  Scénario: s\n    Soit une étape\n\n  @req:Z-99\n  Scénario: t\n    Soit une étape\n';

function project(register: string): string {
  const root = mkdtempSync(join(tmpdir(), 'exigences-'));
  mkdirSync(join(root, 'features', 'zone'), { recursive: true });
  writeFileSync(join(root, 'features', 'exigences.csv'), register);
  writeFileSync(join(root, 'features', 'zone', 'f.feature'), FEATURE);
  return root;
}

test('the real register and features pass the check (CI enforces the register)', () => {
  const report = runRequirementsCheck({ root: ROOT });
  assert.deepEqual(report.lines.filter((line) => line.startsWith('Erreur')), []);
  assert.equal(report.exitCode, 0);
  assert.equal(report.lines.at(-1), 'Registre des exigences conforme.');
});

test('unknown ID and DOIT without scenario nor reason fail, every problem listed', () => {
  const root = project(`${HEADER}\nA-01;REG-ADR-01;DOIT;Texte.;\nB-01;REG-FIN-01;DOIT;Texte.;\nC-01;REG-FIN-01;PEUT;Texte.;\n`);
  try {
    const report = runRequirementsCheck({ root });
    assert.equal(report.exitCode, 1);
    assert.deepEqual(report.lines, [
      'Registre features/exigences.csv : 3 exigences, 2 scénarios dans 1 fichier(s).',
      'Couverture du registre : 1 / 2 exigences DOIT du périmètre ont un scénario (50 %) ; 0 exigence(s) hors périmètre ou obsolète(s), chacune avec son motif.',
      'Exigences DOIT du périmètre encore sans scénario : B-01.',
      'Exigences couvertes par au moins un scénario : 1 ; non testées avec motif : 0.',
      "Erreur : features/zone/f.feature:8 : exigence « Z-99 » inconnue du registre : ajoutez-la à features/exigences.csv ou corrigez l'étiquette @req:.",
      'Erreur : features/exigences.csv:3 : exigence obligatoire « B-01 » sans scénario ni motif : étiquetez un scénario @req:B-01 ou remplissez motif_non_teste.',
      '2 problème(s) dans le registre ou les étiquettes @req: : corrigez-les (voir features/exigences.md).',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('with a run, writes the coverage CSV and a summary', () => {
  const root = project(`${HEADER}\nA-01;REG-ADR-01;DOIT;Texte.;\nZ-99;REG-FIN-01;DOIT;Texte.;\nC-01;REG-FIN-01;PEUT;Texte.;facultative : non vérifiée\n`);
  try {
    const ndjson = runMessages([
      { id: 'p1', uri: 'features/zone/f.feature', name: 's', line: 5, astNodeIds: [], tags: ['@req:A-01'], attempts: [['PASSED']] },
      { id: 'p2', uri: 'features/zone/f.feature', name: 't', line: 9, astNodeIds: [], tags: ['@req:A-01', '@req:Z-99'], attempts: [['FAILED']] },
    ]);
    writeFileSync(join(root, 'run.ndjson'), ndjson);
    const report = runRequirementsCheck({ root, run: 'run.ndjson', out: 'sortie/couverture.csv' });
    assert.equal(report.exitCode, 0);
    assert.equal(readFileSync(join(root, 'sortie', 'couverture.csv'), 'utf8'), 'id;niveau;scenarios;reussis;echoues;verdict;motif\nA-01;DOIT;2;1;1;échoué;\nZ-99;DOIT;1;0;1;échoué;\nC-01;PEUT;0;0;0;non testé;facultative : non vérifiée\n');
    assert.deepEqual(report.lines.slice(2, 8), ['Exigences : 3 au registre.', '  réussi : 0 (0 DOIT, 0 DEVRAIT, 0 PEUT)', '  échoué : 2 (2 DOIT, 0 DEVRAIT, 0 PEUT)', '  non exécuté : 0 (0 DOIT, 0 DEVRAIT, 0 PEUT)', '  non testé : 1 (0 DOIT, 0 DEVRAIT, 1 PEUT)', 'Exigences en échec : A-01, Z-99.']);
    assert.equal(report.lines.at(-2), 'Couverture écrite dans sortie/couverture.csv.');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a missing run file is a typed input error', () => {
  const root = project(`${HEADER}\nA-01;s;DOIT;Texte.;\nZ-99;s;DOIT;Texte.;\n`);
  try {
    assert.throws(() => runRequirementsCheck({ root, run: 'absent.ndjson' }), (error: unknown) => error instanceof RequirementsInputError && error.code === 'MSS_SIM_REQ_FILE_MISSING');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
