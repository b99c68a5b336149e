import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MAX_MESSAGES } from '../services/store/message-store.ts';
import { START_DEFAULTS } from './start-defaults.ts';
import { parseStartOptions } from './start-options.ts';
import { UsageError } from './usage-error.ts';

test('defaults: loopback, fixed ports, asynchronous bounces, password AUTH, journal on', () => {
  assert.deepEqual(parseStartOptions([]), { ...START_DEFAULTS, strictRecipients: false, passwordAuth: true, journal: true, tlsProfile: 'valid', requireToken: false, publicReads: false, hostNames: [], maxMessages: DEFAULT_MAX_MESSAGES, durable: false });
  assert.equal(DEFAULT_MAX_MESSAGES, 50_000);
});

test('every option is read', () => {
  const options = parseStartOptions([
    '--fixtures', 'mes-donnees', '--host', '::1', '--submission-port', '0', '--peer-port', '2600', '--http-port', '9000',
    '--data-dir', '/tmp/x', '--strict', '--no-password-auth', '--endpoints-file', 'ep.json', '--no-journal',
    '--imap-port', '1143', '--imaps-port', '1993', '--tls-profile', 'expired', '--max-messages', '20', '--conserver',
  ]);
  assert.deepEqual(options, {
    fixturesDir: 'mes-donnees', host: '::1', submissionPort: 0, peerPort: 2600, httpPort: 9000, dataDir: '/tmp/x',
    strictRecipients: true, passwordAuth: false, endpointsFile: 'ep.json', journal: false,
    imapPort: 1143, imapsPort: 1993, tlsProfile: 'expired', requireToken: false, publicReads: false, hostNames: [], maxMessages: 20, durable: true,
  });
});

test('--dossier-donnees is the French alias of --data-dir', () => {
  assert.equal(parseStartOptions(['--dossier-donnees', '/tmp/conservation']).dataDir, '/tmp/conservation');
});

test('a bad port or an unknown option is a usage error (exit 64) with a French message', () => {
  assert.throws(() => parseStartOptions(['--peer-port', '70000']), (e: unknown) => e instanceof UsageError && e.exitCode === 64 && /--peer-port attend un numéro de port/.test(e.message));
  assert.throws(() => parseStartOptions(['--peer-port', 'abc']), UsageError);
  assert.throws(() => parseStartOptions(['--tls-profile', 'perime']), (e: unknown) => e instanceof UsageError && /--tls-profile attend l'un de valid, expired/.test(e.message));
  assert.throws(() => parseStartOptions(['--inconnue']), (e: unknown) => e instanceof UsageError && /Usage : simulateur start/.test(e.message));
});

test('--jeton gives the access token required off loopback (REG-DEC-01); a short one is a usage error', () => {
  assert.equal(parseStartOptions(['--host', '0.0.0.0', '--jeton', 'jeton-de-formation-2025']).actionToken, 'jeton-de-formation-2025');
  assert.equal(parseStartOptions([]).actionToken, undefined);
  assert.throws(() => parseStartOptions(['--jeton', 'court']), (error: UsageError) => error.exitCode === 64 && /--jeton attend au moins 16 caractères/.test(error.message));
});

test('--exiger-jeton, --lecture-publique and repeated --nom-hote; a host name with a port is a usage error', () => {
  const options = parseStartOptions(['--host', '0.0.0.0', '--lecture-publique', '--exiger-jeton', '--nom-hote', 'simulateur', '--nom-hote', 'simulateur.formation.test']);
  assert.deepEqual([options.publicReads, options.requireToken, options.hostNames], [true, true, ['simulateur', 'simulateur.formation.test']]);
  const defaults = parseStartOptions([]);
  assert.deepEqual([defaults.publicReads, defaults.requireToken, defaults.hostNames], [false, false, []]);
  assert.throws(() => parseStartOptions(['--nom-hote', 'simulateur:8025']), (error: UsageError) => error.exitCode === 64 && /--nom-hote attend un nom d'hôte ou une adresse IP sans port/.test(error.message));
});

test('--annoncer-hote names the host announced to clients; a name with a port is a usage error (exit 64)', () => {
  assert.equal(parseStartOptions(['--host', '0.0.0.0', '--annoncer-hote', 'simulateur']).announcedHost, 'simulateur');
  assert.equal(parseStartOptions([]).announcedHost, undefined);
  assert.throws(() => parseStartOptions(['--annoncer-hote', 'simulateur:2587']), (e: unknown) => e instanceof UsageError && e.exitCode === 64 && /--annoncer-hote attend un nom d'hôte ou une adresse IP sans port, reçu « simulateur:2587 »/.test(e.message));
  assert.throws(() => parseStartOptions(['--annoncer-hote']), (e: unknown) => e instanceof UsageError && e.exitCode === 64);
});

test('--max-messages wants a whole number of messages, at least 1 (exit 64, French)', () => {
  for (const bad of ['0', '-5', 'mille', '1.5', '99999999999999999999']) {
    assert.throws(() => parseStartOptions([`--max-messages=${bad}`]), (error: UsageError) => error.exitCode === 64 && /--max-messages attend un nombre entier de messages, au moins 1, reçu « /.test(error.message));
  }
  assert.equal(parseStartOptions(['--max-messages', '1']).maxMessages, 1);
});

test('--compactage-journal sets, with --conserver, the size in MiB that starts a compaction while running', () => {
  assert.equal(parseStartOptions(['--conserver', '--compactage-journal', '8']).durableCompactionBytes, 8 * 1024 * 1024);
  assert.equal(parseStartOptions(['--conserver']).durableCompactionBytes, undefined);
  for (const bad of ['0', '-1', 'huit', '2.5', '1048577']) {
    assert.throws(() => parseStartOptions(['--conserver', `--compactage-journal=${bad}`]), (error: UsageError) => error.exitCode === 64 && new RegExp(`--compactage-journal attend un nombre entier de mébioctets, de 1 à 1048576, reçu « ${bad} »`).test(error.message));
  }
  assert.throws(() => parseStartOptions(['--compactage-journal', '8']), (error: UsageError) => error.exitCode === 64 && /--compactage-journal ne sert qu'avec --conserver/.test(error.message));
});
