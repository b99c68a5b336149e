import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStartOptions, START_DEFAULTS } from './start-options.ts';
import { UsageError } from './usage-error.ts';

test('defaults: loopback, fixed ports, asynchronous bounces, password AUTH, journal on', () => {
  assert.deepEqual(parseStartOptions([]), { ...START_DEFAULTS, strictRecipients: false, passwordAuth: true, journal: true });
});

test('every option is read', () => {
  const options = parseStartOptions([
    '--fixtures', 'mes-donnees', '--host', '::1', '--submission-port', '0', '--peer-port', '2600', '--http-port', '9000',
    '--data-dir', '/tmp/x', '--strict', '--no-password-auth', '--endpoints-file', 'ep.json', '--no-journal',
  ]);
  assert.deepEqual(options, {
    fixturesDir: 'mes-donnees', host: '::1', submissionPort: 0, peerPort: 2600, httpPort: 9000, dataDir: '/tmp/x',
    strictRecipients: true, passwordAuth: false, endpointsFile: 'ep.json', journal: false,
  });
});

test('a bad port or an unknown option is a usage error (exit 64) with a French message', () => {
  assert.throws(() => parseStartOptions(['--peer-port', '70000']), (e: unknown) => e instanceof UsageError && e.exitCode === 64 && /--peer-port attend un numéro de port/.test(e.message));
  assert.throws(() => parseStartOptions(['--peer-port', 'abc']), UsageError);
  assert.throws(() => parseStartOptions(['--inconnue']), (e: unknown) => e instanceof UsageError && /Usage : simulateur start/.test(e.message));
});
