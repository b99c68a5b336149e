import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_FIXTURES_DIR } from '../services/fixture-loading/load-fixtures.ts';
import { createTempFixtureFolder } from '../services/fixture-loading/temp-fixture-folder.ts';
import { checkFixtures, formatProblem, problemSummary } from './check-fixtures.ts';

function recorder() {
  const lines: string[] = [];
  return { lines, out: { log: (line: string) => void lines.push(line) } };
}

describe('checkFixtures', () => {
  it('exits 0 with a one-line summary for the default fixtures', async () => {
    const { lines, out } = recorder();
    assert.equal(await checkFixtures(DEFAULT_FIXTURES_DIR, out), 0);
    assert.deepEqual(lines, [
      'Jeu de données valide : 4 opérateurs, 7 domaines, 7 organisations, 8 professionnels, 12 boîtes aux lettres, 7 patients, 19 personas',
    ]);
  });

  it('exits 78 and prints one line per problem, then the summary', async () => {
    const folder = await createTempFixtureFolder({
      edit: (files) => {
        files.organisations.organisations[0].address.postalCode = '4999';
        files.patients.patients[0].oid = '1.2.250.1.213.1.4.8';
      },
    });
    try {
      const { lines, out } = recorder();
      assert.equal(await checkFixtures(folder.dir, out), 78);
      assert.equal(lines.length, 3);
      assert.equal(lines[0], 'organisations.json:/organisations/0/address/postalCode — valeur « 4999 » non conforme (correctif : attendu : code postal : 5 chiffres)');
      assert.match(lines[1] ?? '', /^patients\.json:\/patients\/0\/oid — valeur « 1\.2\.250\.1\.213\.1\.4\.8 » non admise \(correctif : valeurs admises : « 1\.2\.250\.1\.213\.1\.4\.10 », « 1\.2\.250\.1\.213\.1\.4\.11 »\)$/);
      assert.equal(lines[2], '2 problèmes dans 2 fichiers');
    } finally {
      await folder.remove();
    }
  });
});

describe('problem lines', () => {
  it('shows a whole-file problem with the path « / »', () => {
    assert.equal(
      formatProblem({ file: 'patients.json', path: '', message: 'fichier introuvable', fix: 'créez-le' }),
      'patients.json:/ — fichier introuvable (correctif : créez-le)',
    );
  });

  it('agrees in number', () => {
    const problem = { file: 'a.json', path: '', message: 'm', fix: 'f' };
    assert.equal(problemSummary([problem]), '1 problème dans 1 fichier');
    assert.equal(problemSummary([problem, problem, { ...problem, file: 'b.json' }]), '3 problèmes dans 2 fichiers');
  });
});
