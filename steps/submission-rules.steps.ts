// Steps that break one submission rule on purpose (MSS-SUB-01: STARTTLS then AUTH, the envelope
// sender and the From header are the authenticated mailbox; REG-SMTP-01 to REG-SMTP-03). A real
// SMTP client (nodemailer) with one setting changed; the refusal is read with the common step
// « l'envoi est refusé avec le code … ».
import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SubmissionResult } from '../simulator/public-api.ts';
import type { Actor } from './support/cast.ts';
import type { HarnessWorld } from './support/world.ts';

type Breach = 'no-starttls' | 'no-auth' | { readonly envelopeFrom: string } | { readonly headerFrom: string };

async function submitBreaking(world: HarnessWorld, sender: Actor, recipient: Actor, breach: Breach): Promise<void> {
  assert.ok(sender.kind === 'professional', `${sender.label} n'a pas de boîte MSSanté de professionnel.`);
  const { host, port } = world.space.endpoints.submission;
  const options: SMTPTransport.Options = {
    host,
    port,
    secure: false,
    tls: { ca: world.space.caCertPem },
    ...(breach === 'no-starttls' ? { ignoreTLS: true } : { requireTLS: true }),
    ...(breach === 'no-auth' ? {} : { auth: { user: sender.address, pass: sender.password } }),
  };
  const transport = nodemailer.createTransport(options);
  const headerFrom = typeof breach === 'object' && 'headerFrom' in breach ? breach.headerFrom : sender.address;
  const envelope = typeof breach === 'object' && 'envelopeFrom' in breach ? { envelope: { from: breach.envelopeFrom, to: [recipient.address] } } : {};
  try {
    const info = await transport.sendMail({ from: headerFrom, to: recipient.address, subject: 'Essai de soumission', text: 'Bonjour.\n', headers: { 'X-MSS-NIL': 'SIMULATEUR-TEST' }, ...envelope });
    world.notebook.lastSubmission = { accepted: true, messageId: String(info.messageId).replace(/^<|>$/g, ''), response: info.response } satisfies SubmissionResult;
  } catch (error) {
    const failure = error as { response?: string; command?: string; message: string };
    assert.ok(failure.response, `Le client SMTP a échoué sans réponse du serveur : ${failure.message}`);
    world.notebook.lastSubmission = { accepted: false, response: failure.response, command: failure.command ?? '' };
  } finally {
    transport.close();
  }
  await world.space.settled();
}

When('{acteur} envoie à {acteur} sans STARTTLS', async function (this: HarnessWorld, sender: string, recipient: string) {
  await submitBreaking(this, this.actor(sender), this.actor(recipient), 'no-starttls');
});

When("{acteur} envoie à {acteur} sans s'authentifier", async function (this: HarnessWorld, sender: string, recipient: string) {
  await submitBreaking(this, this.actor(sender), this.actor(recipient), 'no-auth');
});

When("{acteur} envoie à {acteur} avec l'expéditeur d'enveloppe de {acteur}", async function (this: HarnessWorld, sender: string, recipient: string, other: string) {
  await submitBreaking(this, this.actor(sender), this.actor(recipient), { envelopeFrom: this.actor(other).address });
});

When("{acteur} envoie à {acteur} avec l'en-tête From de {acteur}", async function (this: HarnessWorld, sender: string, recipient: string, other: string) {
  await submitBreaking(this, this.actor(sender), this.actor(recipient), { headerFrom: this.actor(other).address });
});

Then('{acteur} ne reçoit aucun message', function (this: HarnessWorld, label: string) {
  const received = this.space.store.list(this.actor(label).address, { folder: 'INBOX' });
  assert.equal(received.length, 0, `${label} a reçu ${received.length} message(s) : ${received.map((m) => `« ${m.index.subject ?? ''} »`).join(', ')}.`);
});
