import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTrustSpaceView } from './create-trust-space-view.ts';
import { ADDR, IDNAT, INS, SAMPLE } from './testing/sample-trust-space.ts';

describe('createTrustSpaceView', () => {
  const view = createTrustSpaceView(SAMPLE, { whitelistUpdatedAt: '2025-03-13T14:54:10Z' });

  it('exposes the data and the whitelist with the given date', () => {
    assert.equal(view.data, SAMPLE);
    assert.equal(view.whitelist.length, 4);
    assert.deepEqual(new Set(view.whitelist.map((entry) => entry.updatedAt)), new Set(['2025-03-13T14:54:10Z']));
  });

  it('defaults the whitelist date to the epoch', () => {
    assert.equal(createTrustSpaceView(SAMPLE).whitelist[0]?.updatedAt, '1970-01-01T00:00:00Z');
  });

  it('answers isWhitelisted case-insensitively, including the patient domain', () => {
    assert.equal(view.isWhitelisted('OPERATEUR-A.test'), true);
    assert.equal(view.isWhitelisted('operateur-b.test'), true);
    assert.equal(view.isWhitelisted('Patient.MSSante.fr'), true);
    assert.equal(view.isWhitelisted('hors-liste.operateur-a.test'), false);
    assert.equal(view.isWhitelisted('gmail.test'), false);
  });

  it('knows the simulated domains, whitelisted or not', () => {
    assert.equal(view.isSimulatedDomain('hors-liste.operateur-a.test'), true);
    assert.equal(view.isSimulatedDomain('OPERATEUR-B.TEST'), true);
    assert.equal(view.isSimulatedDomain('gmail.test'), false);
  });

  it('finds mailboxes whatever the case of local part and domain', () => {
    assert.equal(view.mailbox('Camille.Bernard@OPERATEUR-A.test')?.displayName, 'Camille Bernard');
    assert.equal(view.mailbox(ADDR.tilleuls)?.type, 'ORG');
    assert.equal(view.mailbox('personne@operateur-a.test'), undefined);
  });

  it('finds patients by INS, lower-case 2a included', () => {
    assert.equal(view.patient(INS.louise)?.identity.firstName, 'Louise');
    assert.equal(view.patient(INS.corse.toLowerCase())?.identity.firstName, 'Marie');
    assert.equal(view.patient(INS.unknown), undefined);
  });

  it('finds practitioners and organisations by id', () => {
    assert.equal(view.practitioner(IDNAT.martin)?.lastName, 'Martin');
    assert.equal(view.practitioner('899999999999'), undefined);
    assert.equal(view.organisation('pharm-1')?.name, 'Pharmacie des Tilleuls');
    assert.equal(view.organisation('nope'), undefined);
  });

  it('groups mailboxes by owner', () => {
    assert.deepEqual(view.mailboxesOfOrganisation('hosp-1').map((m) => m.address), [ADDR.dpi, ADDR.urgences, ADDR.hidden]);
    assert.deepEqual(view.mailboxesOfPractitioner(IDNAT.martin).map((m) => m.address), [ADDR.martin, ADDR.cabinet]);
    assert.deepEqual(view.mailboxesOfOrganisation('nope'), []);
    assert.deepEqual(view.mailboxesOfPractitioner('nope'), []);
  });

  it('keeps the first of duplicated mailboxes', () => {
    const first = SAMPLE.mailboxes[0];
    assert.ok(first);
    const duplicated = createTrustSpaceView({ ...SAMPLE, mailboxes: [first, { ...first, displayName: 'Doublon' }] });
    assert.equal(duplicated.mailbox(first.address)?.displayName, 'Camille Bernard');
  });
});
