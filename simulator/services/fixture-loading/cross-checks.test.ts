import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { TrustSpaceData } from '../../domain/model.ts';
import { crossCheckFixtures } from './cross-checks.ts';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from './load-fixtures.ts';

let defaults: TrustSpaceData;

before(async () => {
  const result = await loadFixtures(DEFAULT_FIXTURES_DIR);
  if (!result.ok) throw new Error(`default fixtures invalid: ${JSON.stringify(result.problems)}`);
  defaults = result.data;
});

function problemsAfter(edit: (data: any) => void) {
  const data = structuredClone(defaults);
  edit(data);
  return crossCheckFixtures(data).map(({ file, path, message }) => ({ file, path, message }));
}

describe('crossCheckFixtures', () => {
  it('finds nothing in the default fixtures', () => {
    assert.deepEqual(crossCheckFixtures(defaults), []);
  });

  it('checks the RPPS, FINESS and SIRET Luhn keys and suggests the right digit', () => {
    const problems = problemsAfter((data) => {
      data.practitioners.push({ ...data.practitioners[0], idNat: '899900100061' });
      data.organisations[0].finess = '499900010';
      data.organisations[1].siret = '99900006000010';
    });
    assert.deepEqual(problems, [
      { file: 'practitioners.json', path: '/practitioners/8/idNat', message: "numéro RPPS de l'idNat « 899900100061 » : clé de Luhn incorrecte (dernier chiffre attendu : 8)" },
      { file: 'organisations.json', path: '/organisations/0/finess', message: 'numéro FINESS « 499900010 » : clé de Luhn incorrecte (dernier chiffre attendu : 7)' },
      { file: 'organisations.json', path: '/organisations/1/siret', message: 'numéro SIRET « 99900006000010 » : clé de Luhn incorrecte (dernier chiffre attendu : 5)' },
    ]);
  });

  it('does not check the ADELI key (rule unknown)', () => {
    assert.deepEqual(
      problemsAfter((data) => data.practitioners.push({ ...data.practitioners[4], idNat: '0496090019' })),
      [],
    );
  });

  it('checks the operators: certificate CN, duplicate hosts and domains, patient domain hosted', () => {
    const problems = problemsAfter((data) => {
      data.operators[1].servers[1].certificateDn = 'CN=autre.simulateur.test,OU=1,O=ANS,ST=Paris (75),C=FR';
      data.operators[2].servers[1].host = 'mx1.gcs-valbrume.simulateur.test';
      data.operators[2].servers[1].certificateDn = 'CN=mx1.gcs-valbrume.simulateur.test,OU=1,O=X,ST=Paris (75),C=FR';
      data.operators[1].domains.push({ ...data.operators[1].domains[0] });
      data.operators[0].domains[0].name = 'patients.mssante.fr';
    });
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [
        ['/operators/1/domains/3/name', 'domaine « pharmacien.mssante.fr » en double (première occurrence : /operators/1/domains/0)'],
        ['/operators/1/servers/1/certificateDn', "le CN du certificat (« autre.simulateur.test ») n'est pas le nom d'hôte du serveur (« smtp2.mailiz.simulateur.test »)"],
        ['/operators/2/servers/1/host', 'serveur « mx1.gcs-valbrume.simulateur.test » en double (première occurrence : /operators/2/servers/0/host)'],
        ['/operators', "le domaine patient.mssante.fr de Mon espace santé n'est hébergé par aucun opérateur"],
      ],
    );
  });

  it('checks mailbox domains, owner kinds and owners', () => {
    const problems = problemsAfter((data) => {
      data.mailboxes[0].address = 'pharmacie@inconnu.mssante.fr';
      data.mailboxes[1].address = 'camille@patient.mssante.fr';
      data.mailboxes[2].type = 'PER';
      data.mailboxes[3].type = 'APP';
      data.mailboxes[4].owner.idNat = '899900100068';
    });
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [
        ['/mailboxes/0/address', "le domaine « inconnu.mssante.fr » n'est hébergé par aucun opérateur de operators.json"],
        ['/mailboxes/1/address', 'les adresses patient.mssante.fr ne se déclarent pas ici'],
        ['/mailboxes/2/owner', 'une boîte PER appartient à un professionnel, pas à une organisation'],
        ['/mailboxes/3/owner', 'une boîte APP appartient à une organisation, pas à un professionnel'],
        ['/mailboxes/4/owner/idNat', "aucun professionnel d'idNat « 899900100068 » dans practitioners.json"],
        ['/personas/0/mailbox', 'boîte aux lettres « pharmacie.duparc@pharmacien.mssante.fr » introuvable dans mailboxes.json'],
        ['/personas/6/mailbox', "la boîte « helene.rousseau@medecin.mssante.fr » appartient à l'idNat « 899900100068 », pas à celui du persona (« 899900100043 »)"],
      ],
    );
  });

  it('refuses a nominative mailbox to a medical secretary', () => {
    const problems = problemsAfter((data) => {
      data.practitioners[6].idNat = '0496090020';
      data.mailboxes.push({ ...data.mailboxes[1], address: 'sophie.bernard@ch-valbrume.mssante.fr', owner: { kind: 'practitioner', idNat: '0496090020' } });
    });
    assert.deepEqual(problems, [
      {
        file: 'mailboxes.json',
        path: '/mailboxes/12/owner/idNat',
        message:
          "Sophie Bernard (Secrétaire médicale, code SECRETAIRE_MEDICALE) n'a pas droit à une boîte nominative PER : seules les professions de santé (médecin, pharmacien, infirmier…) y ont droit",
      },
    ]);
  });

  it('checks that frequented pharmacies exist and are officines', () => {
    const problems = problemsAfter((data) => {
      data.patients[0].frequentedPharmacyIds = ['ch-valbrume', 'pharmacie-fermee'];
    });
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [
        ['/patients/0/frequentedPharmacyIds/0', "« Centre hospitalier de Valbrume » n'est pas une officine (kind « hospital »)"],
        ['/patients/0/frequentedPharmacyIds/1', 'organisation « pharmacie-fermee » introuvable dans organisations.json'],
      ],
    );
  });

  it('checks that the documents of one patient have distinct ids', () => {
    const problems = problemsAfter((data) => {
      const documents = data.patients[0].documents;
      documents.push({ ...documents[0] });
    });
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [['/patients/0/documents/2/id', 'identifiant de document « ordonnance-2026-11-28 » en double (première occurrence : /patients/0/documents/0)']],
    );
  });

  it('checks persona references and that a persona writes from its own or its organisation’s mailbox', () => {
    const problems = problemsAfter((data) => {
      data.personas[0].mailbox = 'pharmacie.tilleuls@pharmacien.mssante.fr';
      data.personas[2].mailbox = 'helene.rousseau@medecin.mssante.fr';
      data.personas[3].organisationId = 'ch-inconnu';
      data.personas[6].idNat = '899900100068';
      data.personas[9].ins = '101097505607846';
      data.personas.push({ ...data.personas[15] });
    });
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [
        ['/personas/19/id', 'identifiant de persona « adresse-ins-invalide » en double (première occurrence : /personas/15)'],
        ['/personas/0/mailbox', "la boîte « pharmacie.tilleuls@pharmacien.mssante.fr » appartient à l'organisation « pharmacie-des-tilleuls », pas à celle du persona (« pharmacie-du-parc »)"],
        ['/personas/2/mailbox', "la boîte « helene.rousseau@medecin.mssante.fr » appartient à l'idNat « 899900100043 », pas à celui du persona (« 899900100035 »)"],
        ['/personas/3/organisationId', 'organisation « ch-inconnu » introuvable dans organisations.json'],
        ['/personas/6/idNat', "aucun professionnel d'idNat « 899900100068 » dans practitioners.json"],
        ['/personas/9/ins', 'patient de matricule INS « 101097505607846 » introuvable dans patients.json'],
      ],
    );
  });
});
