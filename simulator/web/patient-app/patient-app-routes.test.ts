// The app's routes over a real trust space on loopback: what the patient sees after a
// professional writes over SMTP, her reply, « [FIN] » closing the exchange, the message that
// allows no reply, the three steps to a pharmacy (document, proposed or searched pharmacy), the
// refusals with Mon espace santé's own reasons, and the screens of the other profiles.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startTrustSpace } from '../../trust-space/start-trust-space.ts';
import { submitAs } from '../../trust-space/testing/submit-as.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { patientRefusal } from '../../domain/patient-refusals.ts';
import type { PatientAppView } from './patient-app-types.ts';
import { documentedCaller, type DocumentedCall } from '../testing/documented-call.ts';
import { processTempDir } from '../../cli/process-temp-dir.ts';

const LOUISE = '284034912304586';
const DR_MARTIN = { address: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' };
const PHARMACY = 'pharmacie.duparc@pharmacien.mssante.fr';

let space: RunningTrustSpace;
before(async () => {
  space = (await startTrustSpace({ dataDir: processTempDir('mss-patient-app-') })) as RunningTrustSpace;
});
beforeEach(() => space.reset());
after(() => space?.stop());

/** Every JSON answer is checked against openapi.json. */
let documented: DocumentedCall;
const call: DocumentedCall = async (method, path, body) => (documented ??= await documentedCaller(space.endpoints.http.baseUrl))(method, path, body);

const app = async (ins = LOUISE) => (await call('GET', `/api/patient-app/${ins}`)).body as PatientAppView;

async function drMartinWrites(subject: string, headers?: Record<string, string>): Promise<string> {
  const sent = await submitAs(space, DR_MARTIN, { to: [`${LOUISE}@patient.mssante.fr`], subject, text: 'Bonjour Madame Marchand,\nvos résultats sont normaux.', ...(headers ? { headers } : {}) });
  assert.ok(sent.accepted);
  const copy = await space.store.waitFor((m) => m.mailbox === `${LOUISE}@patient.mssante.fr` && m.index.subject === subject, 5000);
  return copy.id;
}

test('a professional writes: the patient sees who wrote, when, the text; she replies; « [FIN] » closes the exchange with its banner', async () => {
  const first = await drMartinWrites('Vos résultats');
  let view = await app();
  assert.equal(view.screen, 'messaging');
  const [conversation] = view.conversations;
  assert.equal(conversation?.counterpartName, 'Dr Paul Martin');
  assert.equal(conversation?.state, 'open');
  assert.deepEqual(conversation?.messages.map((m) => [m.fromName, m.subject, m.canReply, m.documents]), [['Dr Paul Martin', 'Vos résultats', true, []]]);
  assert.deepEqual(view.contacts, [{ address: DR_MARTIN.address, name: 'Dr Paul Martin' }]);
  const message = (await call('GET', `/api/patient-app/${LOUISE}/messages/${first}`)).body;
  assert.match(message.text, /vos résultats sont normaux/);

  const reply = await call('POST', `/api/patient-app/${LOUISE}/replies`, { messageId: first, text: 'Merci Docteur.' });
  assert.equal(reply.status, 201);
  assert.equal(reply.body.deliveredTo, DR_MARTIN.address);

  await drMartinWrites('[FIN]');
  view = await app();
  const closed = view.conversations[0];
  assert.equal(closed?.state, 'closed');
  assert.equal(closed?.closedBanner, 'Dr Paul Martin a mis fin à vos échanges : vous ne pouvez plus lui répondre.');
  assert.ok(closed?.messages.every((m) => !m.canReply));
  assert.deepEqual(view.contacts, []);
  const refused = await call('POST', `/api/patient-app/${LOUISE}/replies`, { messageId: first, text: 'Encore une question.' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'MSS_SIM_MES_CONVERSATION_CLOSED');
  assert.equal(refused.body.error.message, closed?.closedBanner);
});

test('a message sent with X-MSS-MES: FIN is marked as allowing no reply, and a reply is refused with the app sentence', async () => {
  const id = await drMartinWrites('Information', { 'X-MSS-MES': 'FIN' });
  const message = (await app()).conversations[0]?.messages[0];
  assert.equal(message?.notReplyable, "Ce message n'autorise pas la réponse.");
  assert.equal(message?.canReply, false);
  const refused = await call('POST', `/api/patient-app/${LOUISE}/replies`, { messageId: id, text: 'Merci' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.message, "Ce message n'autorise pas la réponse.");
});

test('the journey to a pharmacy: a document of her profile, a proposed pharmacy, a search by postal code, then the send', async () => {
  const view = await app();
  assert.deepEqual(view.pharmacies, [{ address: PHARMACY, name: 'Pharmacie du Parc', postalCode: '49990', city: 'Valbrume' }]);
  const prescription = view.documents.find((d) => d.kind === 'prescription');
  assert.equal(prescription?.kindLabel, 'Ordonnance');
  const document = await call('GET', `/api/patient-app/${LOUISE}/documents/${prescription?.id}`);
  assert.equal(document.headers.get('content-type'), 'application/pdf');
  assert.ok(document.text.startsWith('%PDF-1.4\n'));

  const found = (await call('GET', `/api/patient-app/${LOUISE}/pharmacies?q=49990`)).body;
  assert.deepEqual(found, [{ address: PHARMACY, name: 'Pharmacie du Parc', frequented: true, postalCode: '49990', city: 'Valbrume' }]);
  const byName = (await call('GET', `/api/patient-app/${LOUISE}/pharmacies?q=pharmacie%20des`)).body;
  assert.deepEqual(byName, [{ address: 'pharmacie.tilleuls@pharmacien.mssante.fr', name: 'Pharmacie des Tilleuls', frequented: false, postalCode: '49991', city: 'Saint-Ormel-sur-Brume' }, { address: 'pharmacie.tilleuls-landes@pharmacien.mssante.fr', name: 'Pharmacie des Tilleuls', frequented: false, postalCode: '35990', city: 'Landes-de-Brume' }]);

  const sent = await call('POST', `/api/patient-app/${LOUISE}/messages`, { to: PHARMACY, subject: 'Mon ordonnance', text: 'Bonjour, voici mon ordonnance.', documentIds: [prescription?.id] });
  assert.equal(sent.status, 201);
  const received = await space.store.waitFor((m) => m.mailbox === PHARMACY && m.index.subject === 'Mon ordonnance', 5000);
  const mine = (await app()).conversations.find((c) => c.counterpart === PHARMACY)?.messages[0];
  assert.deepEqual(mine?.documents.map((d) => [d.filename, d.contentType]), [['20261128_ordonnance_MARCHAND_Louise.pdf', 'application/pdf']]);
  assert.ok(received.raw.toString('latin1').includes('20261128_ordonnance_MARCHAND_Louise.pdf'));

  const elsewhere = await call('POST', `/api/patient-app/${LOUISE}/messages`, { to: 'pharmacie.tilleuls@pharmacien.mssante.fr', subject: 'Mon ordonnance', text: 'Bonjour.' });
  assert.equal(elsewhere.status, 403);
  assert.equal(elsewhere.body.error.message, patientRefusal('pharmacy-not-frequented', { name: 'Pharmacie des Tilleuls' }).text);
  const nominative = await call('POST', `/api/patient-app/${LOUISE}/messages`, { to: DR_MARTIN.address, subject: 'Question', text: 'Bonjour.' });
  assert.equal(nominative.status, 403);
  assert.equal(nominative.body.error.code, 'MSS_SIM_MES_NOMINATIVE_MAILBOX_NOT_IN_CONTACT');
  assert.equal((await call('POST', `/api/patient-app/${LOUISE}/messages`, { to: PHARMACY, subject: 'x', text: 'y', documentIds: ['absent'] })).status, 404);
});

test('opposed, closed, absent profiles and an INS unknown here get their screen and no messaging; an invalid INS is a 400', async () => {
  assert.equal((await app('152114908701235')).screen, 'opposed');
  assert.equal((await app('238067218103339')).screen, 'closed');
  assert.equal((await app('101097505607845')).screen, 'absent');
  const unknown = await app('146026322000196');
  assert.deepEqual([unknown.screen, unknown.patient, unknown.conversations], ['absent', null, []]);
  const write = await call('POST', '/api/patient-app/238067218103339/messages', { to: 'pharmacie.tilleuls@pharmacien.mssante.fr', subject: 'x', text: 'y' });
  assert.equal(write.status, 403);
  assert.equal(write.body.error.code, 'MSS_SIM_MES_PATIENT_PROFILE_NOT_ACTIVE');
  assert.equal((await call('GET', '/api/patient-app/284034912304599')).status, 400);
});

test('a message outside her conversations is not shown to her', async () => {
  const id = await drMartinWrites('Vos résultats');
  assert.equal((await call('GET', `/api/patient-app/295019935002112/messages/${id}`)).status, 404);
});
