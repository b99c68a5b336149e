// Steps of the secure-connection scenarios (features/conformite/connexion-securisee.feature):
// the operator switched, for one scenario, to a TLS setting the client must refuse (REG-TLS-03,
// REG-TLS-06), and the checks on the client's connections as the simulator observed them
// (support/connection-security.ts): versions and suites, credentials only under TLS, nothing
// after a refused handshake, and what the software told its user.
import assert from 'node:assert/strict';
import { defineParameterType, Given, Then } from '@cucumber/cucumber';
import type { ServerTlsSetting } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { clientConnections, connectionObservations, type ClientConnection } from './support/client-connections.ts';
import { attemptedTls, clearCredentialProblems, protocolProblems, wentOnProblems } from './support/connection-security.ts';
import { expectUserToldOfFailure } from './support/connection-failure-shown.ts';

/** What the operator presents, in the scenario's words. */
const OPERATOR_TLS: Readonly<Record<string, Partial<ServerTlsSetting>>> = {
  'seulement TLS 1.0 et TLS 1.1': { protocols: 'legacy-versions' },
  "seulement des suites de chiffrement hors de la liste de l'ANS": { protocols: 'suites-outside-list' },
  'un certificat expiré': { certificate: 'expired' },
  "un certificat au nom d'un autre serveur": { certificate: 'wrong-name' },
  "un certificat d'une autorité étrangère à l'espace de confiance": { certificate: 'untrusted' },
};
defineParameterType({ name: 'tlsOpérateur', regexp: new RegExp(Object.keys(OPERATOR_TLS).join('|')), transformer: (words: string) => OPERATOR_TLS[words] ?? {} });

/** The scenario's words for what the operator presents now. */
function describeOperatorTls(current: ServerTlsSetting): string {
  const words = Object.entries(OPERATOR_TLS).filter(([, setting]) => (setting.certificate ?? 'valid') === current.certificate && (setting.protocols ?? 'referential') === current.protocols);
  return words[0]?.[0] ?? `un certificat « ${current.certificate} » et l'offre TLS « ${current.protocols} »`;
}

function connectionsOf(world: HarnessWorld): ClientConnection[] {
  return clientConnections(connectionObservations(world.space.observations));
}

function problemsText(problems: readonly string[]): string {
  return problems.map((problem) => `  - ${problem}`).join('\n');
}

Given("l'opérateur présente {tlsOpérateur}", async function (this: HarnessWorld, setting: Partial<ServerTlsSetting>) {
  await this.space.setServerTls(setting);
  this.session.operatorMadeUnreachable = true;
});

Then("le logiciel n'a proposé et négocié que TLS 1.2 ou 1.3 avec les suites de la liste de l'ANS", function (this: HarnessWorld) {
  const connections = connectionsOf(this);
  assert.ok(attemptedTls(connections), "Aucune négociation TLS du logiciel n'a été observée : il devait se connecter à son opérateur en TLS (SC.MSS/CONF.01).");
  const problems = protocolProblems(connections);
  assert.equal(problems.length, 0, `Le logiciel doit se limiter à TLS 1.2 ou 1.3 et, en TLS 1.2, aux six suites de l'ANS (0xC030, 0xC02F, 0xC028, 0xC027, 0x009F, 0x009E ; SC.MSS/CONF.01, CONF.03) :\n${problemsText(problems)}`);
});

Then("le logiciel ne s'est authentifié qu'une fois TLS établi", function (this: HarnessWorld) {
  const connections = connectionsOf(this);
  const problems = clearCredentialProblems(connections);
  assert.equal(problems.length, 0, `Les identifiants ne doivent circuler qu'après STARTTLS (SC.MSS/CONF.05 pour SMTP, CONF.06 pour IMAP) :\n${problemsText(problems)}`);
  const authenticated = connections.some((connection) => connection.commands.some((command) => command.verb !== 'MAIL' && command.underTls));
  assert.ok(authenticated, "Le logiciel ne s'est authentifié sur aucune connexion : l'action demandée n'a pas atteint l'opérateur.");
});

Then("le logiciel abandonne la connexion sans s'authentifier ni transmettre de message", function (this: HarnessWorld) {
  const connections = connectionsOf(this);
  assert.ok(attemptedTls(connections), "Aucune tentative de connexion TLS du logiciel n'a été observée : il devait essayer de joindre son opérateur pour constater le défaut.");
  const problems = wentOnProblems(connections);
  assert.equal(problems.length, 0, `Face à un opérateur qui présente ${describeOperatorTls(this.space.serverTls)}, le logiciel doit s'arrêter après la négociation TLS, sans identifiants ni message (SC.MSS/CONF.27, CONF.01, CONF.03, MSS/va1.04) :\n${problemsText(problems)}`);
  assert.equal(this.space.transmissions.all().length, 0, "Un message est parvenu à l'opérateur malgré la connexion à refuser.");
});

Then("le logiciel dit à l'utilisateur que la connexion sécurisée a échoué", async function (this: HarnessWorld) {
  await expectUserToldOfFailure(this);
});
