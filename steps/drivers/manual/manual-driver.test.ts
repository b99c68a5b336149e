// The manual driver against a real trust space, the « person » being simulated: a test reacts to
// the console's prompts, performing each instruction with the reference client and answering
// questions from a fake terminal or from the console (as the web UI does).
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { OperatorConsole, type OperatorPrompt } from '../../../simulator/public-api.ts';
import type { TrustSpace } from '../../../simulator/public-api.ts';
import type { ClientDriver } from '../../../simulator/public-api.ts';
import { DriverSetupError } from '../driver-setup-error.ts';
import { createReferenceDriver } from '../../../simulator/public-api.ts';
import { configurationFor, INES_UNQUALIFIED, LOUISE, oauth2Mailbox, startTestSpace } from '../../../simulator/public-api.ts';
import { ManualActionNotPerformedError } from './manual-action-not-performed-error.ts';
import { createManualDriver, type ManualDriver, type ManualDriverOptions } from './manual-driver.ts';

let space: TrustSpace;
let operatorConsole: OperatorConsole;
let terminal: PassThrough;
let printed: string;
const person: ClientDriver = createReferenceDriver();

before(async () => {
  space = await startTestSpace();
});
after(async () => {
  await space.stop();
});
beforeEach(async () => {
  space.reset();
  operatorConsole = new OperatorConsole();
  terminal = new PassThrough();
  printed = '';
  await person.reset();
  await person.configure(configurationFor(space, oauth2Mailbox(space)));
});
afterEach(() => {
  operatorConsole.removeAllListeners();
});

function manualDriver(options: Partial<ManualDriverOptions> = {}): ManualDriver {
  const output = new Writable({ write: (chunk: Buffer, _encoding, done) => ((printed += chunk.toString('utf8')), done()) });
  return createManualDriver({ space, console: operatorConsole, input: terminal, output, timeoutMs: 5_000, countdownEveryMs: 100, ...options });
}

/** The person: performs each instruction awaiting traffic, answers each question (terminal by default). */
function personDoes(onInstruction: (prompt: OperatorPrompt) => unknown, answers: readonly string[] = []): void {
  const queue = [...answers];
  operatorConsole.on('prompt', (prompt: OperatorPrompt) => {
    if (prompt.kind === 'instruction' && prompt.timeoutMs !== undefined) void onInstruction(prompt);
    if (prompt.kind === 'question') terminal.write(`${queue.shift() ?? 'o'}\n`);
  });
}

async function configured(driver: ManualDriver): Promise<void> {
  // As the web UI: the answer comes later than the prompt event (OperatorConsole.ask sets its
  // settle function after emitting `prompt`).
  const answerYes = (prompt: OperatorPrompt) => prompt.kind === 'question' && setImmediate(() => operatorConsole.answer(prompt.id, true));
  operatorConsole.on('prompt', answerYes);
  await driver.configure(configurationFor(space, oauth2Mailbox(space)));
  operatorConsole.off('prompt', answerYes);
}

describe('manual driver: configure', () => {
  it('lists every setting, and a « non » typed in the terminal is a setup error', async () => {
    const driver = manualDriver();
    personDoes(() => undefined, ['n']);
    await assert.rejects(driver.configure(configurationFor(space, oauth2Mailbox(space))), (error: unknown) => {
      assert.ok(error instanceof DriverSetupError);
      assert.match(error.message, /n'est pas configuré pour la boîte pharmacie\.duparc@pharmacien\.mssante\.fr/);
      return true;
    });
    const { submission, imaps } = space.endpoints;
    assert.ok(printed.includes(`serveur ${submission.host}, port ${submission.port}, sécurité STARTTLS obligatoire`));
    assert.ok(printed.includes(`port ${imaps.port}, sécurité TLS implicite (IMAPS`));
    assert.ok(printed.includes(space.caCertPath));
    assert.ok(printed.includes(`${space.endpoints.http.baseUrl}/ca.crt`));
    // The Pro Santé Connect test login of a professional working in the pharmacy (fixtures).
    assert.match(printed, /découverte http:\/\/\S+\/psc\/auth\/realms\/esante-wallet\/\.well-known\/openid-configuration, identifiant client client-mssante/);
    assert.match(printed, /connexion de Dr \S+ \S+ avec l'identifiant \d{12} et le mot de passe de test psc-test/);
    assert.match(printed, /clé d'API \S+ \(en-tête ESANTE-API-KEY\)/);
    assert.deepEqual(driver.attestations().map((a) => [a.question, a.answer, a.answeredFrom]), [['Le logiciel est-il configuré ?', false, 'terminal']]);
  });

  it('does not ask again for the same configuration (new scenario, same software)', async () => {
    const driver = manualDriver();
    await configured(driver);
    await driver.configure(configurationFor(space, oauth2Mailbox(space)));
    assert.equal(driver.attestations().length, 1);
  });
});

describe('manual driver: sending', () => {
  it('detects the message the person sent, with its Message-ID, and prints the deadline', async () => {
    const driver = manualDriver();
    await configured(driver);
    let personAction: ReturnType<ClientDriver['writeToPatient']> | undefined;
    personDoes(() => (personAction = person.writeToPatient({ patient: LOUISE, subject: 'Rappel vaccin', body: 'Bonjour.' })));
    const result = await driver.writeToPatient({ patient: LOUISE, subject: 'Rappel vaccin', body: 'Bonjour.' });
    const personResult = await personAction; // seen by the simulator before the client got its 250 reply
    const sent = space.transmissions.all()[0];
    assert.equal(result.status, 'sent');
    assert.equal(result.status === 'sent' && result.messageId, sent?.index.messageId);
    assert.equal(personResult?.status === 'sent' && personResult.messageId, sent?.index.messageId);
    assert.match(printed, /Délai : 5 s, jusqu'à \d\d:\d\d:\d\d\./);
    assert.match(printed, /Matricule INS : 284034912304586/);
    assert.equal(operatorConsole.recent().find((p) => p.kind === 'instruction' && p.timeoutMs === 5_000)?.status, 'done');
    const listed = await driver.listMessages();
    assert.deepEqual(listed.map((m) => [m.folder, m.subject, m.messageId, m.to]), [['sent', 'Rappel vaccin', sent?.index.messageId, ['284034912304586@patient.mssante.fr']]]);
  });

  it('reports an RCPT refusal by the operator as failed, with the reply on the wire', async () => {
    const driver = manualDriver();
    await configured(driver);
    personDoes(() => person.send({ to: ['quelqu.un@exemple.com'], subject: 'Hors espace', body: 'Bonjour.' }));
    const result = await driver.send({ to: ['quelqu.un@exemple.com'], subject: 'Hors espace', body: 'Bonjour.' });
    assert.equal(result.status, 'failed');
    assert.match(result.status === 'failed' ? (result.smtpReply ?? '') : '', /^550 5\.7\.1 Destinataire refusé : domaine hors liste blanche MSSanté$/);
    assert.equal(driver.attestations().length, 1); // configure only: no question needed
  });

  it('on timeout asks whether the software refused, and « oui » gives refused, with a visible countdown', async () => {
    const driver = manualDriver({ timeoutMs: 600 });
    await configured(driver);
    personDoes(() => person.writeToPatient({ patient: INES_UNQUALIFIED, subject: 'Résultats', body: 'Bonjour.' }), ['o']);
    const result = await driver.writeToPatient({ patient: INES_UNQUALIFIED, subject: 'Résultats', body: 'Bonjour.' });
    assert.equal(result.status, 'refused');
    assert.match(result.status === 'refused' ? result.reason : '', /^attesté par l'opérateur : /);
    assert.match(printed, /Statut de l'identité : NON qualifiée/);
    assert.match(printed, /En attente du simulateur : encore \d s \(jusqu'à \d\d:\d\d:\d\d\)\./);
    assert.match(printed, /Délai écoulé : rien reçu par le simulateur\./);
    const last = driver.attestations().at(-1);
    assert.deepEqual([last?.question, last?.answer, last?.answeredFrom], ["Le logiciel a-t-il refusé l'envoi ?", true, 'terminal']);
    assert.equal(space.transmissions.count(), 0);
  });

  it('on timeout, « non » means the client did nothing: a typed failure', async () => {
    const driver = manualDriver({ timeoutMs: 300 });
    await configured(driver);
    personDoes(() => undefined, ['n']);
    await assert.rejects(driver.send({ to: ['paul.martin@ch-valbrume.mssante.fr'], subject: 'Bilan', body: 'Bonjour.' }), (error: unknown) => {
      assert.ok(error instanceof ManualActionNotPerformedError);
      assert.equal(error.code, 'MSS_SIM_DRIVER_MANUAL_NO_TRAFFIC');
      return true;
    });
    assert.match(printed, /paul\.martin@ch-valbrume\.mssante\.fr \(/); // the recipient with the name the trust space knows
  });

  it('ends the wait early when the person types « r », long before the deadline', async () => {
    const driver = manualDriver({ timeoutMs: 30_000 });
    await configured(driver);
    personDoes(() => terminal.write('r\n'), ['o']);
    const started = performance.now();
    const result = await driver.writeToPatient({ patient: INES_UNQUALIFIED, subject: 'Résultats', body: 'Bonjour.' });
    assert.equal(result.status, 'refused');
    assert.ok(performance.now() - started < 5_000);
    assert.match(printed, /Attente interrompue par l'opérateur\./);
  });
  it('ends the wait early when the instruction is closed from the web UI', async () => {
    const driver = manualDriver({ timeoutMs: 30_000 });
    await configured(driver);
    personDoes((prompt) => setImmediate(() => operatorConsole.close(prompt.id, 'expired')), ['n']);
    await assert.rejects(driver.send({ to: ['paul.martin@ch-valbrume.mssante.fr'], subject: 'Bilan', body: 'Bonjour.' }), ManualActionNotPerformedError);
    assert.match(printed, /Attente interrompue par l'opérateur\./);
  });

  it('takes whatever subject the client chose to end a conversation, and forgets sent messages on reset', async () => {
    const driver = manualDriver();
    await configured(driver);
    let personAction: ReturnType<ClientDriver['endConversation']> | undefined;
    personDoes(() => (personAction = person.endConversation({ patient: LOUISE, method: 'subject' })));
    const result = await driver.endConversation({ patient: LOUISE, method: 'subject' });
    await personAction;
    assert.equal(result.status, 'sent');
    assert.match(printed, /clôture par l'objet « \[FIN\] »/);
    assert.deepEqual((await driver.listMessages()).map((m) => m.subject), ['[FIN]']);
    await driver.reset();
    assert.deepEqual(await driver.listMessages(), []);
    assert.match(printed, /Nouveau scénario/);
  });
});

describe('manual driver: answers and reading', () => {
  it('takes the first answer: the web console before the terminal', async () => {
    const driver = manualDriver();
    operatorConsole.on('prompt', (prompt: OperatorPrompt) => {
      if (prompt.kind !== 'question') return;
      setImmediate(() => {
        operatorConsole.answer(prompt.id, false);
        terminal.write('o\n');
      });
    });
    const seen = await driver.attest('Le logiciel montre-t-il le message « Bilan » comme non remis ?', ['Motif attendu : adresse inexistante']);
    assert.equal(seen, false);
    assert.deepEqual(driver.attestations().map((a) => [a.answer, a.answeredFrom, a.details]), [[false, 'console', ['Motif attendu : adresse inexistante']]]);
    assert.match(printed, /Réponse reçue de l'interface web : non\./);
  });

  it('takes the first answer: the terminal before the web console, and asks again after a word it does not understand', async () => {
    const driver = manualDriver();
    operatorConsole.on('prompt', (prompt: OperatorPrompt) => {
      if (prompt.kind === 'question') terminal.write('peut-être\noui\n');
    });
    assert.equal(await driver.attest('Le logiciel affiche-t-il « Louise MARCHAND » ?'), true);
    assert.equal(operatorConsole.recent().at(-1)?.answer, true);
    assert.equal(driver.attestations()[0]?.answeredFrom, 'terminal');
    assert.match(printed, /Réponse non comprise/);
  });

  it('detects the mailbox being read over IMAP after « Relevez la boîte »', async () => {
    const driver = manualDriver();
    await configured(driver);
    personDoes(() => person.synchronise());
    await driver.synchronise();
    assert.match(printed, /Relevez la boîte pharmacie\.duparc@pharmacien\.mssante\.fr/);
    assert.equal(driver.attestations().length, 1);
  });

  it('a relève the software could not do, and said so, is the failure it showed: judged by the scenario, not a setup error', async () => {
    const driver = manualDriver({ timeoutMs: 300 });
    await configured(driver);
    personDoes(() => undefined, ['n', 'o']);
    const outcome = await driver.synchronise();
    assert.match(outcome?.shownToUser ?? '', /^attesté par l'opérateur : le logiciel a affiché un échec de la relève/);
    assert.deepEqual(driver.attestations().slice(-2).map((a) => a.answer), [false, true]);
  });

  it('declares its capabilities, never parallel, and finds no recipient itself', async () => {
    const driver = manualDriver({ capabilities: ['patient-messaging'], client: { name: 'Officine+', version: '4.2' } });
    assert.deepEqual(await driver.capabilities(), { client: { name: 'Officine+', version: '4.2' }, capabilities: ['patient-messaging'], parallel: false });
    await configured(driver);
    assert.deepEqual(await driver.findRecipient({ query: '49990', kind: 'pharmacy' }), []);
    assert.match(printed, /cherchez une officine dans l'Annuaire Santé en tapant « 49990 »/);
  });
});
