import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientChoiceFromEnv, DriverChoiceError, isManualClient } from '../../support/driver-choice.ts';

describe('client choice from the environment', () => {
  it('defaults to the correct reference client', () => {
    assert.deepEqual(clientChoiceFromEnv({}), { driver: { kind: 'reference', faults: [] } });
  });

  it('reads variants, an adapter URL, the manual delay and capabilities', () => {
    assert.deepEqual(clientChoiceFromEnv({ MSS_VARIANTE: 're-fin-subject, missing-x-mss-nil' }).driver, { kind: 'reference', faults: ['re-fin-subject', 'missing-x-mss-nil'] });
    assert.deepEqual(clientChoiceFromEnv({ MSS_CLIENT: 'http://127.0.0.1:8700/' }).driver, { kind: 'http', baseUrl: 'http://127.0.0.1:8700/' });
    assert.deepEqual(clientChoiceFromEnv({ MSS_CLIENT: 'manual', MSS_DELAI_MANUEL: '30' }).driver, { kind: 'manual', timeoutMs: 30_000 });
    assert.deepEqual(clientChoiceFromEnv({ MSS_CAPACITES: 'patient-messaging,reply' }).capabilities, ['patient-messaging', 'reply']);
    assert.deepEqual([isManualClient({ MSS_CLIENT: ' manuel ' }), isManualClient({ MSS_CLIENT: 'manuelle' }), isManualClient({})], [true, false, false]);
  });

  it('refuses unknown values with a French message naming the known ones', () => {
    assert.throws(() => clientChoiceFromEnv({ MSS_CLIENT: 'ftp://x' }), (e: unknown) => e instanceof DriverChoiceError && /reference, manual/.test(e.message));
    assert.throws(() => clientChoiceFromEnv({ MSS_VARIANTE: 'oubli' }), (e: unknown) => e instanceof DriverChoiceError && /re-fin-subject/.test(e.message));
    assert.throws(() => clientChoiceFromEnv({ MSS_CAPACITES: 'teleportation' }), (e: unknown) => e instanceof DriverChoiceError && /patient-messaging/.test(e.message));
    assert.throws(() => clientChoiceFromEnv({ MSS_CLIENT: 'http://x', MSS_VARIANTE: 're-fin-subject' }), DriverChoiceError);
    assert.throws(() => clientChoiceFromEnv({ MSS_CLIENT: 'manual', MSS_DELAI_MANUEL: '-1' }), DriverChoiceError);
  });
});
