// The entitlement matrix over the default fixtures: who may use which mailbox with a token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultView, FIXTURE } from '../testing/default-view.ts';
import { mailboxEntitlement, type Entitlement } from './mailbox-entitlement.ts';

const MAILBOXES = [
  FIXTURE.camille.org,
  FIXTURE.camille.per,
  FIXTURE.antoine.org,
  FIXTURE.martin.per,
  FIXTURE.rousseau.per,
  FIXTURE.rousseau.cab,
  FIXTURE.secretariat,
  FIXTURE.dpi.address,
  FIXTURE.cpts,
  FIXTURE.julien.per,
  FIXTURE.laboratoire,
] as const;

const E = 'entitled';
const N = 'not-entitled';
const A = 'app-mailbox';

test('a professional token: own PER/CAB mailboxes and ORG mailboxes of his organisations, never APP', async () => {
  const view = await defaultView();
  const matrix: Record<string, readonly Entitlement[]> = {
    // columns:            duparc camille tilleuls martin rousseau acacias secretariat dpi cpts julien labo
    [FIXTURE.camille.idNat]: [E, E, N, N, N, N, N, A, N, N, N],
    [FIXTURE.antoine.idNat]: [N, N, E, N, N, N, N, A, N, N, N],
    [FIXTURE.martin.idNat]: [N, N, N, E, N, N, E, A, N, N, N],
    [FIXTURE.rousseau.idNat]: [N, N, N, N, E, E, N, A, E, N, N],
    [FIXTURE.julien.idNat]: [N, N, N, N, N, N, N, A, E, E, N],
    [FIXTURE.nadia.idNat]: [N, N, N, N, N, N, N, A, E, N, N],
    '899900100999': [N, N, N, N, N, N, N, A, N, N, N], // not in the fixtures
  };
  for (const [idNat, expected] of Object.entries(matrix)) {
    const actual = MAILBOXES.map((address) => mailboxEntitlement({ SubjectNameID: idNat }, view.mailbox(address)!, view));
    assert.deepEqual(actual, expected, idNat);
  }
});

test('a mailbox-bound token: that mailbox only (case-insensitive); no claim at all entitles nothing', async () => {
  const view = await defaultView();
  const bound = MAILBOXES.map((address) => mailboxEntitlement({ mss_mailbox: FIXTURE.secretariat.toUpperCase() }, view.mailbox(address)!, view));
  assert.deepEqual(bound, ['wrong-mailbox', 'wrong-mailbox', 'wrong-mailbox', 'wrong-mailbox', 'wrong-mailbox', 'wrong-mailbox', E, A, 'wrong-mailbox', 'wrong-mailbox', 'wrong-mailbox']);
  assert.equal(mailboxEntitlement({}, view.mailbox(FIXTURE.secretariat)!, view), N);
  assert.equal(mailboxEntitlement({ SubjectNameID: 42 }, view.mailbox(FIXTURE.secretariat)!, view), N);
});
