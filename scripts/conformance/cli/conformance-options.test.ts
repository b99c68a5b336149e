import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConformanceArgs, type ConformanceOptions } from './conformance-options.ts';
import { ConformanceUsageError } from './conformance-usage-error.ts';

function run(argv: string[]): ConformanceOptions {
  const command = parseConformanceArgs(argv, '/projet');
  assert.equal(command.kind, 'run');
  return command.kind === 'run' ? command.options : (undefined as never);
}

function usageError(argv: string[]): string {
  try {
    parseConformanceArgs(argv, '/projet');
  } catch (error) {
    assert.ok(error instanceof ConformanceUsageError, String(error));
    assert.equal(error.exitCode, 64);
    assert.equal(error.code, 'MSS_SIM_CONFORMANCE_USAGE');
    assert.match(error.message, /Usage : npm run conformite/);
    return error.message;
  }
  assert.fail(`no usage error for ${argv.join(' ')}`);
}

test('no option: the reference client, reports in ./reports, no tags, no fixtures override', () => {
  const options = run([]);
  assert.deepEqual(options.choice, { driver: { kind: 'reference', faults: [] } });
  assert.deepEqual(options.env, { MSS_CLIENT: 'reference' });
  assert.equal(options.reportsDir, '/projet/reports');
  assert.equal(options.tags, undefined);
  assert.equal(options.fixturesDir, undefined);
  assert.equal(options.parallel, undefined);
});

test('French options and their English aliases give the same run', () => {
  const french = run(['--client', 'reference', '--variante', 're-fin-subject,missing-x-mss-nil', '--capacites', 'reply,mailbox-sync', '--donnees', 'mes-donnees', '--rapports', '/tmp/r', '--parallele', '3', '--tags', '@req:MES-FIN-01']);
  const english = run(['--driver', 'reference', '--variant', 're-fin-subject,missing-x-mss-nil', '--capabilities', 'reply,mailbox-sync', '--fixtures', 'mes-donnees', '--reports', '/tmp/r', '--parallel', '3', '--tags', '@req:MES-FIN-01']);
  assert.deepEqual(english, french);
  assert.deepEqual(french.choice, { driver: { kind: 'reference', faults: ['re-fin-subject', 'missing-x-mss-nil'] }, capabilities: ['reply', 'mailbox-sync'] });
  assert.equal(french.fixturesDir, '/projet/mes-donnees');
  assert.equal(french.env.MSS_FIXTURES, '/projet/mes-donnees');
  assert.equal(french.parallel, 3);
});

test('an adapter URL and the manual driver with its delay', () => {
  assert.deepEqual(run(['--client', 'http://127.0.0.1:8700/']).choice.driver, { kind: 'http', baseUrl: 'http://127.0.0.1:8700/' });
  const manual = run(['--client', 'manual', '--delai-manuel', '30']);
  assert.deepEqual(manual.choice.driver, { kind: 'manual', timeoutMs: 30_000 });
  assert.equal(manual.env.MSS_DELAI_MANUEL, '30');
  const slow = run(['--client', 'http://127.0.0.1:8700/', '--delai-adaptateur', '90']);
  assert.deepEqual(slow.choice.driver, { kind: 'http', baseUrl: 'http://127.0.0.1:8700/', timeoutMs: 90_000 });
  assert.equal(slow.env.MSS_DELAI_ADAPTATEUR, '90');
  assert.deepEqual(run(['--client', 'http://127.0.0.1:8700/', '--adapter-timeout', '1.5']).choice.driver, { kind: 'http', baseUrl: 'http://127.0.0.1:8700/', timeoutMs: 1500 });
});

test('--help and -h ask for the help', () => {
  assert.deepEqual(parseConformanceArgs(['--help'], '/'), { kind: 'help' });
  assert.deepEqual(parseConformanceArgs(['-h', '--client', 'x'], '/'), { kind: 'help' });
  assert.deepEqual(parseConformanceArgs(['--version'], '/'), { kind: 'version' });
  assert.deepEqual(parseConformanceArgs(['-V'], '/'), { kind: 'version' });
});

test('an unknown option, a missing value or a positional argument is a usage error in French', () => {
  assert.match(usageError(['--clinet', 'reference']), /^Option inconnue --clinet/);
  assert.match(usageError(['--client']), /^Option --client sans valeur/);
  assert.match(usageError(['reference']), /^Argument inattendu reference :/);
});

test('wrong values are all reported at once', () => {
  const message = usageError(['--variante', 'oubli-du-fin', '--parallele', '0', '--tags', '@a and', '--capacites', 'telepathie']);
  assert.match(message, /Variante fautive inconnue : oubli-du-fin/);
  assert.match(message, /--parallele « 0 » invalide/);
  assert.match(message, /--tags « @a and » n'est pas une expression/);
  assert.match(message, /Capacité inconnue : telepathie/);
});

test('an unknown client, variants without the reference client, and options that do not fit the driver are refused', () => {
  assert.match(usageError(['--client', 'thunderbird']), /Client « thunderbird » inconnu/);
  assert.match(usageError(['--client', 'http://127.0.0.1:8700/', '--variante', 're-fin-subject']), /ne s'appliquent qu'au client de référence/);
  assert.match(usageError(['--client', 'manual', '--parallele', '2']), /impossible avec le pilote manuel/);
  assert.match(usageError(['--delai-manuel', '30']), /ne vaut que pour le pilote manuel/);
  assert.match(usageError(['--client', 'manual', '--delai-manuel', 'bientôt']), /Délai manuel « bientôt » invalide/);
  assert.match(usageError(['--delai-adaptateur', '60']), /ne vaut que pour un adaptateur HTTP/);
  assert.match(usageError(['--client', 'http://127.0.0.1:8700/', '--delai-adaptateur', '0']), /Délai de l'adaptateur « 0 » invalide/);
  assert.match(usageError(['--client', 'http://127.0.0.1:8700/', '--delai-adaptateur', 'long']), /Délai de l'adaptateur « long » invalide/);
  assert.match(usageError(['--tags', '  ']), /--tags vide/);
});

test('an option and its alias with two different values are refused', () => {
  assert.match(usageError(['--rapports', 'a', '--reports', 'b']), /--rapports et --reports sont la même option/);
  assert.equal(run(['--rapports', 'a', '--reports', 'a']).reportsDir, '/projet/a');
});

test('--tranche i/n is checked: 1 ≤ i ≤ n', () => {
  const parsed = parseConformanceArgs(['--tranche', '2/3'], '/');
  assert.equal(parsed.kind === 'run' ? parsed.options.tranche : undefined, '2/3');
  assert.match(usageError(['--tranche', '4/3']), /--tranche « 4\/3 » invalide/);
  assert.match(usageError(['--tranche', 'deux']), /--tranche « deux » invalide/);
});

test('--ecoute and --annoncer-hote (aliases --listen, --announce-host) reach the workers; a name with a port is a usage error', () => {
  const french = run(['--client', 'http://adaptateur:8700/', '--ecoute', '0.0.0.0', '--annoncer-hote', 'banc']);
  assert.deepEqual(run(['--client', 'http://adaptateur:8700/', '--listen', '0.0.0.0', '--announce-host', 'banc']), french);
  assert.equal(french.env.MSS_ECOUTE, '0.0.0.0');
  assert.equal(french.env.MSS_ANNONCER_HOTE, 'banc');
  const message = usageError(['--ecoute', '0.0.0.0:2587', '--annoncer-hote', 'http://banc/']);
  assert.match(message, /--ecoute « 0\.0\.0\.0:2587 » invalide : donnez un nom d'hôte ou une adresse IP sans port/);
  assert.match(message, /--annoncer-hote « http:\/\/banc\/ » invalide/);
});

test('--produit names the manually driven software and reaches the workers', () => {
  const manual = run(['--client', 'manuel', '--produit', ' Officine Exemple 4.2 ']);
  assert.deepEqual(manual.choice.driver, { kind: 'manual', timeoutMs: 120_000, product: 'Officine Exemple 4.2' });
  assert.equal(manual.env.MSS_PRODUIT, 'Officine Exemple 4.2');
  assert.equal(manual.product, 'Officine Exemple 4.2');
});

test('--ports-depart (alias --base-port) gives the manual run its ports; French usage errors otherwise', () => {
  assert.equal(run(['--client', 'manuel', '--ports-depart', '40100']).env.MSS_PORTS_DEPART, '40100');
  assert.deepEqual(run(['--client', 'manual', '--base-port', '40100']).env, run(['--client', 'manual', '--ports-depart', '40100']).env);
  assert.match(usageError(['--client', 'manuel', '--ports-depart', 'huit']), /--ports-depart « huit » invalide : donnez un numéro de port entre 1024 et 65531/);
  assert.match(usageError(['--client', 'manuel', '--ports-depart', '65534']), /--ports-depart « 65534 » invalide/);
  assert.match(usageError(['--ports-depart', '40100']), /--ports-depart ne vaut que pour le pilote manuel/);
  assert.match(usageError(['--client', 'manuel', '--ports-depart', '40100', '--base-port', '40200']), /--ports-depart et --base-port sont la même option avec deux valeurs différentes/);
});
