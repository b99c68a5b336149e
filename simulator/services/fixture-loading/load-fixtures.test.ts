import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkInsNumber } from '../../domain/ins-number.ts';
import { DEFAULT_FIXTURES_DIR, loadFixtures, type FixtureProblem } from './load-fixtures.ts';
import { createTempFixtureFolder, type TempFixtureOptions } from './temp-fixture-folder.ts';

type ProblemSummary = { file: string; path: string; message: string };

/** Loads an edited copy of the default fixtures and returns its problems (file, path, message). */
async function problemsOf(options: TempFixtureOptions, prepare?: (dir: string) => Promise<void>): Promise<ProblemSummary[]> {
  const folder = await createTempFixtureFolder(options);
  try {
    await prepare?.(folder.dir);
    const result = await loadFixtures(folder.dir);
    assert.equal(result.ok, false, 'the edited fixtures should be invalid');
    return result.ok ? [] : result.problems.map(({ file, path, message }: FixtureProblem) => ({ file, path, message }));
  } finally {
    await folder.remove();
  }
}

describe('loadFixtures: the default trust space', () => {
  it('loads with no problem and maps 1:1 onto TrustSpaceData', async () => {
    const result = await loadFixtures(DEFAULT_FIXTURES_DIR);
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems, null, 2));
    const { data } = result;
    assert.deepEqual(
      [data.operators.length, data.practitioners.length, data.organisations.length, data.mailboxes.length, data.patients.length, data.personas.length],
      [4, 8, 7, 12, 7, 19],
    );
    const louise = data.patients.find((patient) => patient.identity.firstName === 'Louise');
    assert.deepEqual(louise?.profile, 'active');
    assert.deepEqual(louise?.frequentedPharmacyIds, ['pharmacie-du-parc']);
    assert.deepEqual(data.mailboxes[0]?.owner, { kind: 'organisation', organisationId: 'pharmacie-du-parc' });
    assert.equal('$schema' in data.operators, false);
    assert.ok(Object.isFrozen(data.mailboxes[0]?.owner));
  });

  it('covers every profile state, an unqualified identity and a Corsican INS, all with valid keys', async () => {
    const result = await loadFixtures(DEFAULT_FIXTURES_DIR);
    assert.ok(result.ok);
    const { patients } = result.data;
    assert.deepEqual(new Set(patients.map((p) => p.profile)), new Set(['active', 'opposed', 'closed', 'none']));
    assert.equal(patients.filter((p) => !p.identity.qualified && p.profile === 'active').length, 1);
    assert.equal(patients.filter((p) => /^\d{5}2[AB]/.test(p.ins)).length, 1);
    assert.deepEqual(patients.filter((p) => !checkInsNumber(p.ins).valid), []);
    for (const p of patients) {
      assert.equal(p.identity.sex, p.ins[0] === '1' ? 'M' : 'F', p.ins);
      assert.equal(p.identity.birthDate.slice(2, 4) + p.identity.birthDate.slice(5, 7), p.ins.slice(1, 5), p.ins);
    }
  });
});

describe('loadFixtures: broken folders', () => {
  it('reports a missing folder once', async () => {
    const result = await loadFixtures(join(DEFAULT_FIXTURES_DIR, 'absent'));
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.problems.map((p) => p.message), [`dossier de données « ${join(DEFAULT_FIXTURES_DIR, 'absent')} » introuvable`]);
  });

  it('reports bad JSON and a missing file together, with line and column', async () => {
    const problems = await problemsOf({ raw: { 'mailboxes.json': '{\n  "mailboxes": [\n    {},\n  ]\n}\n' }, omit: ['patients'] });
    assert.deepEqual(problems, [
      { file: 'mailboxes.json', path: '', message: 'JSON invalide ligne 4, colonne 3 : caractère inattendu « ] »' },
      { file: 'patients.json', path: '', message: 'fichier introuvable' },
    ]);
  });

  it('reports schema errors in two files at once, and no cross-file rule', async () => {
    const problems = await problemsOf({
      edit: (files) => {
        files.operators.operators[3].domains[0].whitelisted = 'non';
        files.patients.patients[0].ins = '28403491230458';
        files.patients.patients[1].nom = 'LAMBERT';
        files.patients.patients[2].identity.birthDate = '1938-02-30';
        delete files.patients.patients[3].profile;
        files.patients.patients[4].frequentedPharmacyIds = ['pharmacie-inconnue']; // cross-file: not reported yet
      },
    });
    assert.deepEqual(problems, [
      { file: 'operators.json', path: '/operators/3/domains/0/whitelisted', message: 'type incorrect pour la valeur « non »' },
      { file: 'patients.json', path: '/patients/0/ins', message: 'valeur « 28403491230458 » non conforme' },
      { file: 'patients.json', path: '/patients/1/nom', message: 'propriété « nom » inconnue' },
      { file: 'patients.json', path: '/patients/2/identity/birthDate', message: 'valeur « 1938-02-30 » au format incorrect' },
      { file: 'patients.json', path: '/patients/3', message: 'propriété obligatoire « profile » absente' },
    ]);
  });

  it('names the expected key of a wrong INS', async () => {
    const problems = await problemsOf({
      edit: (files) => {
        files.patients.patients[0].ins = '284034912304599';
        files.personas.personas[9].ins = '284034912304599';
      },
    });
    assert.deepEqual(problems, [
      { file: 'patients.json', path: '/patients/0/ins', message: 'matricule INS « 284034912304599 » : clé 99 incorrecte, la clé attendue est 86' },
    ]);
  });

  it('reports dangling references', async () => {
    const problems = await problemsOf({
      edit: (files) => {
        files.mailboxes.mailboxes[2].owner.organisationId = 'pharmacie-fermee';
        files.practitioners.practitioners[3].organisationIds.push('maison-de-sante');
      },
    });
    assert.deepEqual(problems, [
      { file: 'practitioners.json', path: '/practitioners/3/organisationIds/2', message: 'organisation « maison-de-sante » introuvable dans organisations.json' },
      { file: 'mailboxes.json', path: '/mailboxes/2/owner/organisationId', message: 'organisation « pharmacie-fermee » introuvable dans organisations.json' },
      {
        file: 'personas.json',
        path: '/personas/1/mailbox',
        message: "la boîte « pharmacie.tilleuls@pharmacien.mssante.fr » appartient à l'organisation « pharmacie-fermee », pas à celle du persona (« pharmacie-des-tilleuls »)",
      },
    ]);
  });

  it('refuses a PER mailbox to a transporteur sanitaire', async () => {
    const problems = await problemsOf({
      edit: (files) => {
        files.practitioners.practitioners[7].idNat = '0496090038';
        files.mailboxes.mailboxes.push({
          ...files.mailboxes.mailboxes[1],
          address: 'marc.lemaire@medecin.mssante.fr',
          owner: { kind: 'practitioner', idNat: '0496090038' },
        });
      },
    });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.file, 'mailboxes.json');
    assert.equal(problems[0]?.path, '/mailboxes/12/owner/idNat');
    assert.match(problems[0]?.message ?? '', /^Marc Lemaire \(Transporteur sanitaire \(ambulancier\), code TRANSPORTEUR_SANITAIRE\) n'a pas droit à une boîte nominative PER/);
  });

  it('reports a duplicate address', async () => {
    const problems = await problemsOf({
      edit: (files) => files.mailboxes.mailboxes.push({ ...files.mailboxes.mailboxes[5], address: 'cabinet.acacias@medecin.mssante.fr' }),
    });
    assert.deepEqual(problems, [
      { file: 'mailboxes.json', path: '/mailboxes/12/address', message: 'adresse « cabinet.acacias@medecin.mssante.fr » en double (première occurrence : /mailboxes/5)' },
    ]);
  });

  it('reports every cross-file problem of a folder at once', async () => {
    const problems = await problemsOf({
      edit: (files) => {
        files.patients.patients[3].ins = '101097505607800';
        files.personas.personas[12].ins = '101097505607800';
        files.mailboxes.mailboxes.push({ ...files.mailboxes.mailboxes[0] });
        files.personas.personas[4].organisationId = 'hopital-inconnu';
      },
    });
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.path}`),
      ['mailboxes.json:/mailboxes/12/address', 'patients.json:/patients/3/ins', 'personas.json:/personas/4/organisationId'],
    );
  });
});

describe('loadFixtures: schemas of a vendor folder', () => {
  it("uses the folder's own schemas when present", async () => {
    const problems = await problemsOf({}, async (dir) => {
      await cp(join(DEFAULT_FIXTURES_DIR, 'schemas'), join(dir, 'schemas'), { recursive: true });
      const path = join(dir, 'schemas', 'patients.schema.json');
      const schema = JSON.parse(await readFile(path, 'utf8'));
      schema.$defs.patient.properties.profile.enum = ['active'];
      await writeFile(path, JSON.stringify(schema));
    });
    assert.deepEqual(
      problems.map((p) => p.path),
      ['/patients/1/profile', '/patients/2/profile', '/patients/3/profile'],
    );
  });

  it('reports a broken own schema together with the data problems', async () => {
    const problems = await problemsOf({ raw: { 'operators.json': '[' } }, async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'personas.schema.json'), JSON.stringify({ type: 'objet' }));
    });
    assert.equal(problems.length, 2);
    assert.deepEqual(problems.map((p) => p.file), ['schemas/personas.schema.json', 'operators.json']);
    assert.match(problems[0]?.message ?? '', /^schéma JSON invalide : /);
    assert.equal(problems[1]?.message, 'JSON invalide ligne 1, colonne 2 : fin de fichier inattendue');
  });
});
