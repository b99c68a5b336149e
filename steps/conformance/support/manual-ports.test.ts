// The manual run's ports (steps/support/manual-ports.ts; tested here, since cucumber loads every file of steps/support): the defaults of `npm start`, or five consecutive ports from a base.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { START_DEFAULTS } from '../../../simulator/public-api.ts';
import { manualPorts } from '../../support/manual-ports.ts';

test('no base: the ports of npm start', () => {
  const result = manualPorts(undefined);
  assert.ok(result.ok);
  assert.deepEqual(result.ports, { submissionPort: START_DEFAULTS.submissionPort, peerPort: START_DEFAULTS.peerPort, imapPort: START_DEFAULTS.imapPort, imapsPort: START_DEFAULTS.imapsPort, httpPort: START_DEFAULTS.httpPort });
});

test('a base: five consecutive ports in a fixed order', () => {
  const result = manualPorts(' 40100 ');
  assert.ok(result.ok);
  assert.deepEqual(result.ports, { submissionPort: 40100, peerPort: 40101, imapPort: 40102, imapsPort: 40103, httpPort: 40104 });
  assert.equal(manualPorts('65531').ok, true);
});

test('a base that is not a port, privileged, or leaves no room for five ports: a French problem', () => {
  for (const wrong of ['abc', '', '1023', '65532', '4010.5', '-4010', '0']) {
    const result = manualPorts(wrong);
    assert.equal(result.ok, false, wrong);
    if (!result.ok) assert.match(result.problem, /^--ports-depart « .* » invalide : donnez un numéro de port entre 1024 et 65531/);
  }
});
