// Checks of conformance scenarios: on the traffic the simulator observed (REG-DEC-04) and on
// what the client shows its user (client-view.ts). Failure messages say, in French, what was
// expected, what was seen, and the rule.
import { addressKey, sameAddress } from '../../simulator/public-api.ts';
import assert from 'node:assert/strict';
import { Then } from '@cucumber/cucumber';
import { parseMessage } from '../../simulator/public-api.ts';
import type { ListedMessage } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { waitForMessage } from '../support/tasks.ts';
import { patientIdentityOf, sha256, syntheticPdf } from './support/client-tasks.ts';
import { rcptAttempts, transmittedByClient } from './support/client-traffic.ts';
import { expectClientShows } from './support/client-view.ts';

function lastAction(world: HarnessWorld) {
  const action = world.session.lastAction;
  assert.ok(action, "Le logiciel testé n'a encore rien fait dans ce scénario.");
  return action;
}

function lastTransmitted(world: HarnessWorld) {
  const transmitted = transmittedByClient(world);
  const last = transmitted.at(-1);
  assert.ok(last, `Le simulateur n'a reçu aucun message du logiciel (boîte ${world.session.user?.address}).`);
  return last;
}

Then('le simulateur reçoit du logiciel un message pour « {texte} »', function (this: HarnessWorld, address: string) {
  const recipients = transmittedByClient(this).flatMap((t) => t.envelope.rcptTo);
  assert.ok(recipients.includes(address), `Destinataire attendu « ${address} » (MSS/va1.19 : matricule INS de 15 caractères et domaine patient.mssante.fr) ; le logiciel a envoyé à : ${recipients.join(', ') || 'personne'}.`);
});

Then("le logiciel refuse l'envoi et le dit à l'utilisateur", function (this: HarnessWorld) {
  const { result, description } = lastAction(this);
  assert.equal(result.status, 'refused', `Le logiciel devait refuser (${description}) faute d'identité qualifiée (SC.MSS/UX.32) ; il répond « ${result.status} ».`);
  if (result.status === 'refused') assert.ok(result.reason.trim().length > 0, "Le logiciel refuse sans rien dire à l'utilisateur.");
});

Then("aucun message n'est transmis par le logiciel", function (this: HarnessWorld) {
  const transmitted = transmittedByClient(this);
  assert.equal(transmitted.length, 0, `Aucun message ne devait partir ; le simulateur en a reçu ${transmitted.length}, pour ${transmitted.flatMap((t) => t.envelope.rcptTo).join(', ')}.`);
});

Then('son logiciel propose la boîte « {texte} » de type {word}', async function (this: HarnessWorld, address: string, type: string) {
  await expectClientShows(this, `Le logiciel propose-t-il, parmi les résultats de la recherche, la boîte « ${address} » (boîte ${type}) ?`, () => {
    const found = this.session.lastFound ?? [];
    const match = found.find((f) => sameAddress(f.address, address));
    if (!match) return `La recherche dans l'annuaire (SC.MSS/CONF.20) devait proposer « ${address} » ; le logiciel propose : ${found.map((f) => `${f.address} (${f.mailboxType})`).join(', ') || 'rien'}.`;
    if (match.mailboxType !== type) return `La boîte « ${address} » est de type ${type}, le logiciel la présente comme ${match.mailboxType}.`;
    return undefined;
  });
});

Then("le logiciel montre l'échec de l'envoi avec la réponse « {texte} »", function (this: HarnessWorld, reply: string) {
  const { result, description } = lastAction(this);
  assert.equal(result.status, 'failed', `L'opérateur a refusé l'envoi (${description}) ; le logiciel devait le signaler (MSS-LB-04) mais répond « ${result.status} ».`);
  if (result.status !== 'failed') return;
  assert.ok((result.smtpReply ?? '').startsWith(reply), `Réponse de l'opérateur attendue « ${reply} … », le logiciel rapporte « ${result.smtpReply ?? '(aucune)'} ».`);
  assert.ok(result.shownToUser.trim().length > 0, "Le logiciel ne montre rien à l'utilisateur de ce refus.");
});

Then('son logiciel ne présente pas ce message comme envoyé', async function (this: HarnessWorld) {
  const { subject } = lastAction(this);
  await expectClientShows(this, `Le logiciel indique-t-il que le message « ${subject} » n'est pas parti (il n'apparaît pas comme envoyé) ?`, (listed) => {
    const shownSent = listed.filter((m) => m.folder === 'sent' && m.subject === subject && m.deliveryState !== 'undelivered');
    return shownSent.length > 0 ? `Le message « ${subject} », refusé par l'opérateur, apparaît comme envoyé dans le logiciel (${shownSent.map((m) => m.deliveryState ?? 'sans état').join(', ')}).` : undefined;
  });
});

Then('chaque message transmis par le logiciel a un Message-ID différent', function (this: HarnessWorld) {
  const ids = transmittedByClient(this).map((t) => t.index.messageId);
  assert.ok(ids.length >= 2, `Deux messages au moins étaient attendus, le simulateur en a reçu ${ids.length}.`);
  assert.ok(ids.every((id) => id !== undefined && id !== ''), `Un message n'a pas de Message-ID (MSS/va1.12) : ${ids.join(', ')}.`);
  assert.equal(new Set(ids).size, ids.length, `Les Message-ID doivent être uniques (MSS/va1.12) : ${ids.join(', ')}.`);
});

Then("chaque message transmis par le logiciel porte l'en-tête « X-MSS-NIL »", function (this: HarnessWorld) {
  const missing = transmittedByClient(this).filter((t) => (t.index.xMss['x-mss-nil'] ?? '') === '');
  assert.equal(missing.length, 0, `L'en-tête X-MSS-NIL (référence produit, SC.MSS/CONF.16) manque sur : ${missing.map((t) => `« ${t.index.subject} »`).join(', ')}.`);
});

Then('chaque message transmis par le logiciel est en UTF-8 avec une partie text\\/plain', async function (this: HarnessWorld) {
  for (const transmission of transmittedByClient(this)) {
    const parsed = await parseMessage(transmission.raw);
    const contentType = transmission.index.contentType ?? 'text/plain';
    assert.ok(/^(text\/plain|multipart\/(alternative|mixed))/i.test(contentType), `Type de contenu « ${contentType} » : le corps doit être text/plain, ou multipart/alternative avec une partie texte (MSS/va1.11).`);
    assert.ok(parsed.text !== undefined && parsed.text.trim() !== '', `Le message « ${transmission.index.subject} » n'a pas de partie text/plain (MSS/va1.11).`);
    assert.ok(!/charset="?(?!utf-8)[a-z0-9-]+/i.test(transmission.raw.subarray(0, Math.min(transmission.raw.length, 65536)).toString('latin1')), `Le message « ${transmission.index.subject} » annonce un jeu de caractères autre qu'UTF-8 (SC.MSS/CONF.19).`);
  }
});

Then("{acteur} reçoit le message d'objet « {texte} »", async function (this: HarnessWorld, label: string, subject: string) {
  await waitForMessage(this, this.actor(label), (m) => m.folder === 'INBOX' && m.kind === 'message' && m.index.subject === subject, `le message « ${subject} » pour ${label}`);
});

Then("la réponse transmise par le logiciel porte In-Reply-To et References vers le message d'origine", function (this: HarnessWorld) {
  const original = this.session.repliedTo;
  assert.ok(original, "Le message d'origine n'a pas été retrouvé dans la boîte de l'utilisateur.");
  const reply = lastTransmitted(this);
  assert.equal(reply.index.inReplyTo, original, `In-Reply-To attendu <${original}> (MSS/va1.08), reçu ${reply.index.inReplyTo ? `<${reply.index.inReplyTo}>` : 'aucun'}.`);
  assert.ok(reply.index.references.includes(original), `References doit contenir <${original}> (MSS/va1.08) ; reçu : ${reply.index.references.join(' ') || 'aucun'}.`);
});

Then('la réponse transmise par le logiciel est adressée à {acteur}', function (this: HarnessWorld, label: string) {
  const expected = addressKey(this.actor(label).address);
  const reply = lastTransmitted(this);
  assert.deepEqual(reply.envelope.rcptTo.map(addressKey), [expected], `La réponse devait aller à l'adresse Reply-To ${expected} (MES-REPLYTO-01) ; elle est allée à ${reply.envelope.rcptTo.join(', ')}.`);
});

Then('le dernier message transmis par le logiciel a pour objet exactement « {texte} »', function (this: HarnessWorld, subject: string) {
  const last = lastTransmitted(this);
  assert.equal(last.index.subject, subject, `Objet attendu exactement « ${subject} » (MES-FIN-01 : « RE: [FIN] » ou « [fin] » ne closent pas l'échange) ; reçu « ${last.index.subject} ».`);
});

Then("le dernier message transmis par le logiciel porte l'en-tête « X-MSS-MES: FIN »", function (this: HarnessWorld) {
  const last = lastTransmitted(this);
  assert.equal(last.index.xMss['x-mss-mes'], 'FIN', `En-tête « X-MSS-MES: FIN » attendu (SC.MSS/CONF.21) ; reçu ${last.index.xMss['x-mss-mes'] === undefined ? 'aucun' : `« ${last.index.xMss['x-mss-mes']} »`}.`);
});

function sentOf(listed: readonly ListedMessage[], subject: string): ListedMessage | undefined {
  return listed.filter((m) => m.folder === 'sent' && m.subject === subject).at(-1);
}

Then('son logiciel montre le message comme non remis, motif « {texte} »', async function (this: HarnessWorld, reason: string) {
  const { subject } = lastAction(this);
  await expectClientShows(this, `Le logiciel montre-t-il le message « ${subject} » comme non remis, avec un motif contenant « ${reason} » ?`, (listed) => {
    const bounces = listed.filter((m) => m.kind === 'bounce');
    if (bounces.length === 0) return "Le logiciel ne montre aucun avis de non-remise (SC.MSS/UX.30).";
    if (!bounces.some((b) => (b.report?.reasonShown ?? '').includes(reason))) return `Motif attendu contenant « ${reason} » (SC.MSS/UX.30) ; le logiciel montre : ${bounces.map((b) => `« ${b.report?.reasonShown ?? ''} »`).join(', ')}.`;
    const sent = sentOf(listed, subject);
    if (sent && sent.deliveryState !== 'undelivered') return `Le message envoyé « ${subject} » reste affiché « ${sent.deliveryState ?? 'sans état'} » au lieu de « non remis ».`;
    return undefined;
  });
});

Then('son logiciel montre le message comme remis', async function (this: HarnessWorld) {
  const { subject } = lastAction(this);
  await expectClientShows(this, `Le logiciel montre-t-il le message « ${subject} » comme remis à son destinataire ?`, (listed) => {
    const sent = sentOf(listed, subject);
    if (!sent) return `Le message envoyé « ${subject} » n'apparaît pas dans le logiciel.`;
    if (sent.deliveryState !== 'delivered') return `L'accusé de remise est arrivé, mais le message « ${subject} » est affiché « ${sent.deliveryState ?? 'sans état'} » au lieu de « remis » (MSS/va1.14).`;
    return undefined;
  });
});

Then("son logiciel rattache l'avis de non-remise au message envoyé", async function (this: HarnessWorld) {
  const { subject, result } = lastAction(this);
  await expectClientShows(this, `Le logiciel rattache-t-il l'avis de non-remise au message envoyé « ${subject} » (ouvrir l'un mène à l'autre) ?`, (listed) => {
    const sentId = result.status === 'sent' ? result.clientMessageId : sentOf(listed, subject)?.clientMessageId;
    if (!sentId) return `Le message « ${subject} » n'a pas été envoyé : aucun avis à rattacher.`;
    const tied = listed.filter((m) => m.kind === 'bounce' && m.report?.aboutClientMessageId === sentId);
    return tied.length === 0 ? `Aucun avis de non-remise n'est rattaché au message envoyé « ${subject} » (${sentId}) (SC.MSS/UX.35).` : undefined;
  });
});

Then("le logiciel n'a transmis qu'une fois le message pour {acteur}", async function (this: HarnessWorld, label: string) {
  await expectSingleTransmission(this, this.actor(label).address);
});

Then("le logiciel n'a transmis qu'une fois le message pour « {texte} »", async function (this: HarnessWorld, address: string) {
  await expectSingleTransmission(this, address);
});

async function expectSingleTransmission(world: HarnessWorld, address: string): Promise<void> {
  await world.space.settled();
  const count = transmittedByClient(world).filter((t) => t.envelope.rcptTo.some((r) => sameAddress(r, address))).length;
  assert.equal(count, 1, `Après un échec permanent, le logiciel ne doit pas renvoyer le message (MES-NDR-04) : ${count} envois vers ${address}.`);
}

Then("le logiciel n'a tenté qu'une fois l'envoi pour {acteur}", async function (this: HarnessWorld, label: string) {
  await this.space.settled();
  const address = this.actor(label).address;
  const attempts = rcptAttempts(this, address);
  assert.equal(attempts, 1, `Après un refus permanent (5.x.x), le logiciel ne doit pas réessayer (MES-NDR-04) : ${attempts} tentatives vers ${address}.`);
});

Then("le logiciel ne répond pas à l'avis de non-remise", async function (this: HarnessWorld) {
  await this.space.settled();
  const bounceSenders = new Set(this.space.store.all().filter((m) => m.kind === 'bounce').flatMap((m) => [...m.index.from, addressKey(m.envelope.mailFrom)]).filter((a) => a !== ''));
  const answers = transmittedByClient(this).filter((t) => t.envelope.rcptTo.some((r) => bounceSenders.has(addressKey(r)) || /^mailer-daemon@/i.test(r)));
  assert.equal(answers.length, 0, `Le logiciel ne doit jamais répondre à un avis de non-remise (MES-NDR-05, RFC 3834) ; il a écrit à ${answers.flatMap((t) => t.envelope.rcptTo).join(', ')}.`);
});

Then('son logiciel montre un message de la patiente {acteur} avec son identité', async function (this: HarnessWorld, label: string) {
  const identity = patientIdentityOf(this, this.actor(label));
  await expectClientShows(this, `Le logiciel montre-t-il un message de patient de ${identity.firstName} ${identity.birthName} (INS ${identity.ins}), distinct des messages de professionnels ?`, (listed) => {
    const patientMessages = listed.filter((m) => m.folder === 'inbox' && m.kind === 'patient-message');
    if (patientMessages.length === 0) return "Aucun message n'est montré comme message de patient (SC.MSS/UX.25).";
    const same = (a: string | undefined, b: string) => (a ?? '').localeCompare(b, 'fr', { sensitivity: 'base' }) === 0;
    const shown = patientMessages.find((m) => same(m.patient?.ins, identity.ins) && same(m.patient?.birthName, identity.birthName) && same(m.patient?.firstName, identity.firstName));
    return shown ? undefined : `L'identité de la patiente (${identity.firstName} ${identity.birthName}, INS ${identity.ins}) n'est pas montrée (SC.MSS/UX.31) ; le logiciel montre : ${patientMessages.map((m) => JSON.stringify(m.patient ?? null)).join(', ')}.`;
  });
});

Then('son logiciel montre la pièce jointe « {texte} »', async function (this: HarnessWorld, fileName: string) {
  await expectClientShows(this, `Le logiciel montre-t-il la pièce jointe « ${fileName} » du message reçu ?`, (listed) => {
    const names = listed.filter((m) => m.folder === 'inbox').flatMap((m) => (m.attachments ?? []).map((a) => a.filename));
    return names.includes(fileName) ? undefined : `Pièce jointe « ${fileName} » absente ; le logiciel montre : ${names.join(', ') || 'aucune pièce jointe'}.`;
  });
});

Then('{acteur} reçoit le document « {texte} » intact', async function (this: HarnessWorld, label: string, fileName: string) {
  const expected = this.session.documents.get(fileName);
  assert.ok(expected, `Le document « ${fileName} » n'a pas été envoyé dans ce scénario.`);
  const stored = await waitForMessage(this, this.actor(label), (m) => m.folder === 'INBOX' && m.kind === 'message', `le document « ${fileName} » pour ${label}`);
  const parsed = await parseMessage(stored.raw, { keepContent: true });
  const part = parsed.attachments.find((a) => a.filename === fileName);
  assert.ok(part?.content, `${label} a reçu un message sans la pièce jointe « ${fileName} » (pièces : ${parsed.attachments.map((a) => a.filename ?? '?').join(', ') || 'aucune'}).`);
  const size = syntheticPdf(fileName).length;
  assert.equal(part.content.length, size, `La pièce jointe « ${fileName} » reçue par ${label} fait ${part.content.length} octets une fois décodée, le document envoyé ${size} (MSS-PJ-01 : pièce jointe transmise entière, RFC 2045 §6, RFC 2183).`);
  assert.equal(sha256(part.content), expected, `La pièce jointe « ${fileName} » reçue par ${label} a la bonne taille mais pas le même contenu (SHA-256 ${sha256(part.content)} au lieu de ${expected}) (MSS-PJ-01 : pièce jointe transmise intacte, RFC 2045 §6).`);
});
