// The harness's simulator address read from the workers' environment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulatorAddressFromEnv } from './simulator-address.ts';

test('loopback and no announced name by default', () => {
  assert.deepEqual(simulatorAddressFromEnv({}), { host: '127.0.0.1' });
  assert.deepEqual(simulatorAddressFromEnv({ MSS_ECOUTE: ' ', MSS_ANNONCER_HOTE: '' }), { host: '127.0.0.1' });
});

test('MSS_ECOUTE and MSS_ANNONCER_HOTE give the listening address and the announced name', () => {
  assert.deepEqual(simulatorAddressFromEnv({ MSS_ECOUTE: '0.0.0.0', MSS_ANNONCER_HOTE: 'banc' }), { host: '0.0.0.0', announcedHost: 'banc' });
});
