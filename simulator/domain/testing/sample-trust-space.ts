// A small synthetic trust space for the unit tests of simulator/domain (no real person, INS,
// RPPS or FINESS). Not the default fixtures (simulator/services/fixture-loading): tests must not depend on them.
import { withInsKey } from '../ins-number.ts';
import type { Mailbox, MailboxOwner, MailboxType, Patient, PatientProfileState, TrustSpaceData } from '../model.ts';
import { finessNumber, rppsIdNat } from '../national-ids.ts';

export const INS = {
  louise: withInsKey('2920375123456'), // active, frequents the Tilleuls pharmacy
  corse: withInsKey('290012A012345'), // active, Corsica 2A
  opposed: withInsKey('1850320004123'),
  closed: withInsKey('1780169123004'),
  none: withInsKey('2650733123007'),
  /** Valid key, absent from the data. */
  unknown: '146026322000196',
} as const;

export const IDNAT = { camille: rppsIdNat('1000000001'), martin: rppsIdNat('1000000002') } as const;

export const ADDR = {
  camille: 'camille.bernard@operateur-a.test', // PER, pharmacist at the Tilleuls pharmacy
  tilleuls: 'pharmacie.tilleuls@operateur-a.test', // ORG of a frequented pharmacy
  port: 'pharmacie.port@operateur-a.test', // ORG of a pharmacy Louise never went to
  martin: 'paul.martin@operateur-a.test', // PER, médecin
  cabinet: 'cabinet.lilas@operateur-a.test', // CAB of Dr Martin
  secretariat: 'secretariat.lilas@operateur-a.test', // ORG of the practice
  dpi: 'dpi@operateur-b.test', // APP of the hospital
  urgences: 'urgences@operateur-b.test', // ORG of the hospital
  hidden: 'boite@hors-liste.operateur-a.test', // simulated but not whitelisted
} as const;

const address = { line: '1 rue de l\'Exemple', postalCode: '75000', city: 'Paris' };
const practitioner = (idNat: string) => ({ kind: 'practitioner', idNat }) as const satisfies MailboxOwner;
const organisation = (organisationId: string) => ({ kind: 'organisation', organisationId }) as const satisfies MailboxOwner;

function mailbox(addr: string, type: MailboxType, owner: MailboxOwner, displayName: string): Mailbox {
  return { address: addr, type, owner, displayName, description: displayName, redListed: false, password: 'secret' };
}

function patient(ins: string, firstName: string, profile: PatientProfileState, frequentedPharmacyIds: string[] = []): Patient {
  const identity = { birthName: 'TESTNOM', firstName, birthDate: '1992-03-01', sex: 'F', qualified: true } as const;
  return { ins, oid: '1.2.250.1.213.1.4.10', identity, profile, frequentedPharmacyIds };
}

export const SAMPLE: TrustSpaceData = {
  operators: [
    {
      id: 'op-a',
      name: 'Opérateur A',
      responsibleContact: 'responsable@operateur-a.test',
      supportContact: 'support@operateur-a.test',
      servers: [
        { host: 'smtp-1.operateur-a.test', certificateDn: 'CN=smtp-1.operateur-a.test,O=Operateur A,C=FR' },
        { host: 'smtp-2.operateur-a.test', certificateDn: 'CN=smtp-2.operateur-a.test,O=Operateur A,C=FR' },
      ],
      domains: [
        { name: 'operateur-a.test', description: 'Domaine A', whitelisted: true },
        { name: 'Hors-Liste.operateur-a.test', description: 'Domaine non publié', whitelisted: false },
      ],
    },
    {
      id: 'op-b',
      name: 'Opérateur B',
      responsibleContact: 'responsable@operateur-b.test',
      supportContact: 'support@operateur-b.test',
      servers: [{ host: 'smtp.operateur-b.test', certificateDn: 'CN=smtp.operateur-b.test,O=Operateur B,C=FR' }],
      domains: [{ name: 'Operateur-B.test', description: 'Domaine B', whitelisted: true }],
    },
    {
      id: 'cnam',
      name: 'CNAM (simulée)',
      responsibleContact: 'responsable@cnam.test',
      supportContact: 'support@cnam.test',
      servers: [{ host: 'smtps1.patient.test', certificateDn: 'CN=smtps1.patient.test,O=CNAM,C=FR' }],
      domains: [{ name: 'patient.mssante.fr', description: 'Domaine de messagerie MSSanté Usagers', whitelisted: true }],
    },
  ],
  practitioners: [
    { idNat: IDNAT.camille, civility: 'Mme', firstName: 'Camille', lastName: 'Bernard', professionCode: '21', professionLabel: 'Pharmacien', organisationIds: ['pharm-1'] },
    { idNat: IDNAT.martin, civility: 'Dr', firstName: 'Paul', lastName: 'Martin', professionCode: '10', professionLabel: 'Médecin', organisationIds: ['cab-1'] },
    { civility: 'Mme', firstName: 'Sophie', lastName: 'Petit', professionCode: 'SECRETAIRE_MEDICALE', professionLabel: 'Secrétaire médicale', organisationIds: ['cab-1'] },
  ],
  organisations: [
    { id: 'pharm-1', kind: 'pharmacy', name: 'Pharmacie des Tilleuls', finess: finessNumber('75000001'), activitySector: 'SA33', address },
    { id: 'pharm-2', kind: 'pharmacy', name: 'Pharmacie du Port', finess: finessNumber('75000002'), activitySector: 'SA33', address },
    { id: 'hosp-1', kind: 'hospital', name: 'Centre hospitalier Exemple', finess: finessNumber('75000003'), activitySector: 'SA01', address },
    { id: 'cab-1', kind: 'practice', name: 'Cabinet médical des Lilas', activitySector: 'SA07', address },
  ],
  mailboxes: [
    mailbox(ADDR.camille, 'PER', practitioner(IDNAT.camille), 'Camille Bernard'),
    mailbox(ADDR.tilleuls, 'ORG', organisation('pharm-1'), 'Pharmacie des Tilleuls'),
    mailbox(ADDR.port, 'ORG', organisation('pharm-2'), 'Pharmacie du Port'),
    mailbox(ADDR.martin, 'PER', practitioner(IDNAT.martin), 'Dr Paul Martin'),
    mailbox(ADDR.cabinet, 'CAB', practitioner(IDNAT.martin), 'Cabinet du Dr Martin'),
    mailbox(ADDR.secretariat, 'ORG', organisation('cab-1'), 'Secrétariat du cabinet des Lilas'),
    mailbox(ADDR.dpi, 'APP', organisation('hosp-1'), 'DPI du centre hospitalier'),
    mailbox(ADDR.urgences, 'ORG', organisation('hosp-1'), 'Urgences du centre hospitalier'),
    mailbox(ADDR.hidden, 'ORG', organisation('hosp-1'), 'Boîte hors liste'),
  ],
  patients: [
    patient(INS.louise, 'Louise', 'active', ['pharm-1']),
    patient(INS.corse, 'Marie', 'active'),
    patient(INS.opposed, 'Opposée', 'opposed', ['pharm-1']),
    patient(INS.closed, 'Close', 'closed', ['pharm-1']),
    patient(INS.none, 'Sansprofil', 'none'),
  ],
  personas: [],
};
