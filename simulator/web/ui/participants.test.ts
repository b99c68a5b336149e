// The web UI's pure naming and meaning (src/participants.ts, lanes.ts, flow-meaning.ts,
// detail-words.ts), run under Node on a small trust space shaped like the default fixtures:
// names and roles instead of addresses, lanes grouped by kind of participant, the meaning and
// the whole reason of each flow entry, the message view's first lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detailLead } from './src/detail-words.ts';
import { flowBadges, flowMeaning, INTERNAL_ID, outcomeMeaning, reasonText } from './src/flow-meaning.ts';
import { Lanes } from './src/lanes.ts';
import { Participants } from './src/participants.ts';
import type { FlowEntry, TrustSpaceSnapshot } from './src/types.ts';

const domain = (name: string, whitelisted = true) => ({ name, description: '', whitelisted });
const SPACE: TrustSpaceSnapshot = {
  operators: [
    { id: 'cnam', name: 'CNAM – Mon espace santé (simulé)', domains: [domain('patient.mssante.fr')] },
    { id: 'mailiz', name: 'ANS – Mailiz (simulé)', domains: [domain('pharmacien.mssante.fr'), domain('medecin.mssante.fr')] },
    { id: 'gcs', name: 'GCS (fictif)', domains: [domain('ch-valbrume.mssante.fr'), domain('cpts-pays-valbrume.mssante.fr')] },
    { id: 'ouest', name: 'Ouest (fictif)', domains: [domain('ouest-esante-sim.mssante.fr', false)] },
  ],
  organisations: [
    { id: 'parc', kind: 'pharmacy', name: 'Pharmacie du Parc' },
    { id: 'ch', kind: 'hospital', name: 'Centre hospitalier de Valbrume' },
    { id: 'cpts', kind: 'cpts', name: 'CPTS du Pays de Valbrume' },
  ],
  practitioners: [
    { idNat: '899900100035', civility: 'Dr', firstName: 'Paul', lastName: 'Martin', professionLabel: 'Médecin' },
    { idNat: '899900100043', civility: 'Dr', firstName: 'Hélène', lastName: 'Rousseau', professionLabel: 'Médecin' },
  ],
  mailboxes: [
    { address: 'pharmacie.duparc@pharmacien.mssante.fr', type: 'ORG', owner: { kind: 'organisation', organisationId: 'parc' }, displayName: 'Pharmacie du Parc', description: '', service: null, redListed: false },
    { address: 'paul.martin@ch-valbrume.mssante.fr', type: 'PER', owner: { kind: 'practitioner', idNat: '899900100035' }, displayName: 'Dr Paul Martin', description: '', service: null, redListed: false },
    { address: 'secretariat@ch-valbrume.mssante.fr', type: 'ORG', owner: { kind: 'organisation', organisationId: 'ch' }, displayName: 'CH Valbrume – Secrétariat', description: '', service: null, redListed: false },
    { address: 'dpi@ch-valbrume.mssante.fr', type: 'APP', owner: { kind: 'organisation', organisationId: 'ch' }, displayName: 'CH Valbrume – DPI', description: '', service: null, redListed: false },
    { address: 'helene.rousseau@medecin.mssante.fr', type: 'PER', owner: { kind: 'practitioner', idNat: '899900100043' }, displayName: 'Dr Hélène Rousseau', description: '', service: null, redListed: false },
    { address: 'coordination@cpts-pays-valbrume.mssante.fr', type: 'ORG', owner: { kind: 'organisation', organisationId: 'cpts' }, displayName: 'CPTS – Coordination', description: '', service: null, redListed: false },
  ],
  patients: [
    { ins: '284034912304586', address: '284034912304586@patient.mssante.fr', identity: { birthName: 'MARCHAND', firstName: 'Louise', birthDate: '1984-03-12', sex: 'F', qualified: true }, profile: 'active', frequentedPharmacies: [] },
    { ins: '152114908701235', address: '152114908701235@patient.mssante.fr', identity: { birthName: 'LAMBERT', firstName: 'Gérard', birthDate: '1952-11-04', sex: 'M', qualified: true }, profile: 'opposed', frequentedPharmacies: [] },
  ],
  personas: [{ id: 'louise', kind: 'patient', name: 'Louise Marchand', role: 'patiente…', ins: '284034912304586' }],
};

const BOUNCE: FlowEntry = {
  id: 'f-000002',
  at: '2025-01-01T10:00:00.000Z',
  kind: 'bounced',
  from: 'mailer-daemon@patient.mssante.fr',
  to: ['pharmacie.duparc@pharmacien.mssante.fr'],
  subject: 'Message non distribué',
  originalRecipient: '152114908701235@patient.mssante.fr',
  reason: 'Le message que vous avez envoyé à l\'adresse « 152114908701235@patient.mssante.fr » n\'a pas pu être distribué, car cette adresse Mon espace santé n\'existe pas.',
  status: '5.1.1',
};

test('addresses read as names and roles; the bounce sender is the operator\'s service de non-remise', () => {
  const people = new Participants(SPACE);
  assert.equal(people.label('284034912304586@patient.mssante.fr'), 'Louise Marchand, patiente');
  assert.equal(people.label('152114908701235@Patient.MSSante.fr'), 'Gérard Lambert, patient');
  assert.equal(people.label('pharmacie.duparc@pharmacien.mssante.fr'), 'Pharmacie du Parc');
  assert.equal(people.label('paul.martin@ch-valbrume.mssante.fr'), 'Dr Paul Martin, médecin');
  assert.equal(people.label('dpi@ch-valbrume.mssante.fr'), 'CH Valbrume – DPI, logiciel');
  assert.equal(people.label('mailer-daemon@patient.mssante.fr'), 'Service de non-remise, CNAM – Mon espace santé');
  assert.equal(people.label('contact@exemple.fr'), 'contact@exemple.fr, hors espace de confiance');
  assert.equal(people.label(''), 'Expéditeur vide, adresse de retour <>');
  assert.equal(new Participants().label('x@pharmacien.mssante.fr'), 'x@pharmacien.mssante.fr, hors espace de confiance');
});

test('lanes are kinds of participants, in a fixed order; outside the whitelist is « Hors espace »', () => {
  const lanes = new Lanes(SPACE);
  assert.deepEqual(lanes.all.map((l) => l.label), ['Patients', 'Pharmacies', 'Médecins', 'Hôpital', 'CPTS', 'Hors espace']);
  assert.equal(lanes.of('mailer-daemon@patient.mssante.fr'), 0);
  assert.equal(lanes.of('pharmacie.duparc@pharmacien.mssante.fr'), 1);
  assert.equal(lanes.of('paul.martin@ch-valbrume.mssante.fr'), 3, 'a hospital doctor is in the hospital lane (its domain holds mostly hospital mailboxes)');
  assert.equal(lanes.of('labo@ouest-esante-sim.mssante.fr'), 5);
  assert.equal(lanes.of('someone@gmail.com'), 5);
  assert.equal(lanes.of(''), 5);
  assert.match(lanes.all[5]?.title ?? '', /ouest-esante-sim\.mssante\.fr, hors liste blanche/);
  assert.deepEqual(new Lanes().all.map((l) => l.label), ['Hors espace']);
});

test('each kind of entry carries a meaning, and the marks theirs; the bounce reason reads whole', () => {
  assert.equal(flowMeaning(BOUNCE), 'bounced');
  assert.equal(flowMeaning({ ...BOUNCE, kind: 'patient-refused' }), 'refused');
  assert.deepEqual(flowBadges({ ...BOUNCE, kind: 'delivered', closesConversation: true, noReply: true }).map((b) => `${b.meaning}:${b.text}`), ['delivered:remis', 'closed:échange clos par « [FIN] »', 'no-reply:non répondable']);
  assert.equal(reasonText(BOUNCE), 'Non distribué à 152114908701235@patient.mssante.fr car cette adresse Mon espace santé n\'existe pas.');
  assert.equal(reasonText(BOUNCE, (a) => new Participants(SPACE).label(a)), 'Non distribué à Gérard Lambert, patient, car cette adresse Mon espace santé n\'existe pas.');
  assert.equal(reasonText({ ...BOUNCE, originalRecipient: undefined }), 'Non distribué, car cette adresse Mon espace santé n\'existe pas.');
  assert.equal(reasonText({ ...BOUNCE, reason: 'Ce message n\'autorise pas la réponse.' }), 'Ce message n\'autorise pas la réponse.');
  assert.equal(reasonText({ ...BOUNCE, reason: undefined }), undefined);
});

test('a demonstration outcome is coloured by what it says', () => {
  assert.equal(outcomeMeaning('Avis de non-remise reçu (5.1.1) : …'), 'bounced');
  assert.equal(outcomeMeaning('Refusé par Mon espace santé, le message ne part pas : « … »'), 'refused');
  assert.equal(outcomeMeaning('Message « [FIN] » remis : la conversation entre Louise et la Pharmacie du Parc est close.'), 'closed');
  assert.equal(outcomeMeaning('Message remis à la Pharmacie du Parc : la pharmacie voit qu\'il vient de Louise Marchand.'), 'delivered');
  assert.equal(outcomeMeaning('Louise peut écrire à : pharmacie.duparc@pharmacien.mssante.fr.'), 'info');
  assert.equal(outcomeMeaning('Échec de l\'étape : délai dépassé'), 'refused');
  assert.ok(INTERNAL_ID.test('Message remis (m-000009).') && !INTERNAL_ID.test('Avis (5.1.1) : car cette adresse n\'existe pas.'));
});

test('the message view starts with the lesson, then who wrote to whom in plain words', () => {
  const people = new Participants(SPACE);
  const lead = detailLead(BOUNCE, (a) => people.label(a));
  assert.equal(lead.meaning, 'bounced');
  assert.equal(lead.title, 'Motif de l\'avis de non-remise');
  assert.equal(lead.lead, 'Non distribué à Gérard Lambert, patient, car cette adresse Mon espace santé n\'existe pas.');
  assert.equal(lead.story, 'Service de non-remise, CNAM – Mon espace santé prévient Pharmacie du Parc : son message à Gérard Lambert, patient, n\'a pas été remis.');
  const fin = detailLead({ ...BOUNCE, kind: 'delivered', from: 'pharmacie.duparc@pharmacien.mssante.fr', to: ['284034912304586@patient.mssante.fr'], closesConversation: true, reason: undefined, status: undefined, originalRecipient: undefined }, (a) => people.label(a));
  assert.equal(fin.meaning, 'closed');
  assert.equal(fin.story, 'Pharmacie du Parc a écrit à Louise Marchand, patiente.');
});
