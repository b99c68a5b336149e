// Steps of the connection and authentication scenarios (features/conformite/authentification.feature),
// judged on the observed traffic: XOAUTH2 with a Pro Santé Connect token the client obtained
// itself (SC.MSS/CONF.07), the reopening of a session the operator cut (SC.MSS/CONF.11), the APP
// mailbox's client certificate then PLAIN and its automatic-sending mention with Reply-To
// (SC.MSS/CONF.12, MSS/va1.09), the configuration from the autoconfig document (SC.MSS/CONF.04).
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { parseMessage, sameAddress } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { clientUnderTest } from './conformance.hooks.ts';
import { clientUser, useClientAs } from './support/client-tasks.ts';
import { authAttempts, autoconfigRequests, describeAttempts, issuedTokenSubjects, tlsSessionOf } from './support/client-authentications.ts';
import { transmittedByClient } from './support/client-traffic.ts';
import { expectClientShows } from './support/client-view.ts';
import { pscIdentity } from './support/driver-configuration.ts';
import { cutSessionConnections } from './support/operator-cut.ts';
import { fetchClientCertificate } from './support/client-certificate.ts';

/** State of the cut (SC.MSS/CONF.11), kept on the world between steps. */
interface CutState {
  readonly afterSeq: number;
  synchronised?: { readonly status: 'failed'; readonly shownToUser: string } | undefined;
}
const cuts = new WeakMap<HarnessWorld, CutState>();

function user(world: HarnessWorld) {
  const current = world.session.user;
  assert.ok(current, "Aucun logiciel testé n'est configuré : commencez par « Étant donné le logiciel testé, utilisé par … ».");
  return current;
}

Given('le logiciel testé, utilisé par {acteur}, configuré par la seule adresse de sa boîte', async function (this: HarnessWorld, label: string) {
  await useClientAs(this, label, { autoconfig: true });
});

Given('le logiciel testé, utilisé par {acteur} avec le certificat client de sa boîte applicative', async function (this: HarnessWorld, label: string) {
  const actor = this.actor(label);
  await useClientAs(this, label, { clientCertificate: await fetchClientCertificate(this.space, actor.address) });
});

Then('le logiciel a obtenu lui-même un jeton Pro Santé Connect pour {acteur}', function (this: HarnessWorld, label: string) {
  const address = this.actor(label).address;
  const login = pscIdentity(this.space, address)?.login;
  assert.ok(login, `${label} n'a pas d'identité Pro Santé Connect de test.`);
  const subjects = issuedTokenSubjects(this.space);
  assert.ok(subjects.includes(login), `Le logiciel devait obtenir un jeton Pro Santé Connect pour ${label} (identifiant ${login}) à partir de l'identité donnée par « configure » (SC.MSS/CONF.07) ; jetons délivrés pendant le scénario : ${subjects.join(', ') || 'aucun'}.`);
});

Then("chaque connexion du logiciel s'est authentifiée en XOAUTH2, en SMTP comme en IMAP, sans PLAIN ni LOGIN", function (this: HarnessWorld) {
  const attempts = authAttempts(this.space, user(this).address);
  const other = attempts.filter((a) => a.mechanism !== 'XOAUTH2');
  assert.equal(other.length, 0, `Une boîte nominative ou organisationnelle s'ouvre en XOAUTH2 avec un jeton Pro Santé Connect, jamais par mot de passe (SC.MSS/CONF.07) ; observé : ${describeAttempts(attempts)}.`);
  for (const protocol of ['smtp', 'imap'] as const) {
    const ok = attempts.some((a) => a.protocol === protocol && a.outcome === 'success');
    assert.ok(ok, `Aucune authentification XOAUTH2 acceptée en ${protocol.toUpperCase()} (SC.MSS/CONF.07) ; observé : ${describeAttempts(attempts)}.`);
  }
});

When("l'opérateur coupe les connexions du logiciel de {acteur}", async function (this: HarnessWorld, label: string) {
  clientUser(this, label);
  const sessions = [...new Set(authAttempts(this.space, user(this).address).filter((a) => a.outcome === 'success' && a.protocol === 'imap' && a.sessionId !== undefined).map((a) => a.sessionId as string))];
  assert.ok(sessions.length > 0, `Le logiciel de ${label} n'a ouvert aucune session IMAP authentifiée par Pro Santé Connect : rien à couper (SC.MSS/CONF.11).`);
  const afterSeq = this.space.observations.lastSeq;
  for (const sessionId of sessions) await cutSessionConnections(this.space, sessionId);
  cuts.set(this, { afterSeq });
});

When('le logiciel de {acteur} relève de nouveau sa boîte', async function (this: HarnessWorld, label: string) {
  clientUser(this, label);
  const cut = cuts.get(this);
  assert.ok(cut, "L'opérateur n'a coupé aucune connexion dans ce scénario.");
  const { driver } = await clientUnderTest();
  await this.space.settled();
  cut.synchronised = (await driver.synchronise()) ?? undefined;
  await this.space.settled();
});

Then('le logiciel a rouvert sa session sans rien demander à son utilisateur et montre le message « {texte} »', async function (this: HarnessWorld, subject: string) {
  const cut = cuts.get(this);
  assert.ok(cut, "L'opérateur n'a coupé aucune connexion dans ce scénario.");
  assert.ok(!cut.synchronised, `Après la coupure par l'opérateur, l'authentification restant valable, le logiciel devait rouvrir la session sans rien demander (SC.MSS/CONF.11) ; il a montré : « ${cut.synchronised?.shownToUser ?? ''} ».`);
  const reopened = authAttempts(this.space, user(this).address).filter((a) => a.seq > cut.afterSeq && a.protocol === 'imap' && a.outcome === 'success');
  assert.ok(reopened.length > 0, `Après la coupure, aucune nouvelle connexion IMAP authentifiée du logiciel n'a été observée (SC.MSS/CONF.11).`);
  await expectClientShows(this, `Le logiciel montre-t-il, sans avoir demandé de se reconnecter, le message « ${subject} » arrivé après la coupure ?`, (listed) =>
    listed.some((m) => m.folder === 'inbox' && m.subject === subject) ? undefined : `Le message « ${subject} », arrivé après la coupure, n'est pas montré (SC.MSS/CONF.11).`,
  );
});

Then("chaque connexion du logiciel a présenté le certificat client de la boîte puis s'est authentifiée en PLAIN", function (this: HarnessWorld) {
  const attempts = authAttempts(this.space, user(this).address);
  assert.ok(attempts.length > 0, "Le logiciel ne s'est pas authentifié (SC.MSS/CONF.12).");
  for (const attempt of attempts) {
    const tls = tlsSessionOf(this.space, attempt.connectionId);
    assert.ok(tls?.clientCertificateSubject, `Connexion ${attempt.connectionId} : aucun certificat client présenté pendant la négociation TLS ; une boîte applicative s'authentifie par son certificat ORG AUTH_CLI (SC.MSS/CONF.12). Observé : ${describeAttempts(attempts)}.`);
    assert.ok(attempt.mechanism === 'PLAIN' || attempt.mechanism === 'LOGIN', `Connexion ${attempt.connectionId} : après le certificat, AUTH PLAIN avec l'adresse de la boîte était attendu (SC.MSS/CONF.12, REG-AUTH-05) ; reçu ${attempt.mechanism}.`);
    assert.equal(attempt.outcome, 'success', `Connexion ${attempt.connectionId} : authentification refusée (${attempt.reason ?? '?'}) : ${attempt.message ?? ''} (SC.MSS/CONF.12).`);
  }
});

async function lastTransmittedText(world: HarnessWorld) {
  const last = transmittedByClient(world).at(-1);
  assert.ok(last, `Le simulateur n'a reçu aucun message du logiciel (boîte ${user(world).address}).`);
  return { transmission: last, parsed: await parseMessage(last.raw) };
}

Then("le message transmis par le logiciel se termine par la mention d'envoi automatique", async function (this: HarnessWorld) {
  const { transmission, parsed } = await lastTransmittedText(this);
  const paragraphs = (parsed.text ?? '').trim().split(/\r?\n\s*\r?\n/);
  const last = paragraphs.at(-1) ?? '';
  assert.match(last, /automatiquement|automatique/i, `Un message d'une boîte applicative se termine par la mention qu'il a été envoyé automatiquement (MSS/va1.09) ; le message « ${transmission.index.subject} » se termine par : « ${last.slice(-200)} ».`);
});

Then('le message transmis par le logiciel porte un Reply-To vers une boîte PER ou ORG, nommée dans la mention', async function (this: HarnessWorld) {
  const { transmission, parsed } = await lastTransmittedText(this);
  const replyTo = parsed.replyTo?.[0]?.address;
  assert.ok(replyTo, `Le message « ${transmission.index.subject} » d'une boîte applicative doit porter un Reply-To vers une boîte PER ou ORG (MSS/va1.09) ; il n'en porte pas.`);
  const type = this.space.view().mailbox(replyTo)?.type;
  assert.ok(type === 'PER' || type === 'ORG', `Le Reply-To « ${replyTo} » doit désigner une boîte PER ou ORG de l'espace de confiance (MSS/va1.09) ; c'est ${type === undefined ? 'une adresse inconnue' : `une boîte ${type}`}.`);
  const last = (parsed.text ?? '').trim().split(/\r?\n\s*\r?\n/).at(-1) ?? '';
  assert.ok(last.toLowerCase().includes(replyTo.toLowerCase()), `La mention d'envoi automatique doit donner l'adresse ${replyTo} pour joindre l'expéditeur (MSS/va1.09) ; elle dit : « ${last.slice(-200)} ».`);
});

Then('le logiciel a lu le document autoconfig du domaine de sa boîte', function (this: HarnessWorld) {
  const address = user(this).address;
  const asked = autoconfigRequests(this.space).filter((r) => r.status === 200 && sameAddress(r.parameters.emailaddress ?? address, address));
  assert.ok(asked.length > 0, `Configuré par la seule adresse ${address}, le logiciel devait lire le document autoconfig (config-v1.1.xml) de son domaine (SC.MSS/CONF.04) ; aucune demande observée ; le logiciel répond : ${JSON.stringify(this.session.lastAction?.result ?? null)}.`);
});

Then("le logiciel s'est connecté en SMTP et en IMAP aux serveurs que nomme le document autoconfig", function (this: HarnessWorld) {
  const attempts = authAttempts(this.space, user(this).address);
  for (const protocol of ['smtp', 'imap'] as const) {
    assert.ok(attempts.some((a) => a.protocol === protocol && a.outcome === 'success'), `Le logiciel ne s'est pas connecté au serveur ${protocol.toUpperCase()} que nomme le document autoconfig (SC.MSS/CONF.04) ; observé : ${describeAttempts(attempts)}.`);
  }
});
