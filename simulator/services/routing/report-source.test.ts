import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import { SAMPLE } from '../../domain/testing/sample-trust-space.ts';
import { deliveryReportSource } from './report-source.ts';

test('the operator of the recipient domain reports, as MAILER-DAEMON of that domain', () => {
  const view = createTrustSpaceView(SAMPLE);
  const patientDomain = view.data.operators.find((o) => o.domains.some((d) => d.name === 'patient.mssante.fr'))!;
  const source = deliveryReportSource('123@PATIENT.mssante.fr', view);
  assert.equal(source.domain, 'patient.mssante.fr');
  assert.equal(source.mailerDaemon, 'MAILER-DAEMON@patient.mssante.fr');
  assert.equal(source.host, patientDomain.servers[0]!.host);
  assert.equal(deliveryReportSource('x@patient.mssante.fr', view), source, 'one source per view and domain');
  const now = new Date('2026-01-01T00:00:00Z');
  assert.notEqual(source.newMessageId(now), source.newMessageId(now));
  assert.match(source.newMessageId(now), new RegExp(`@${patientDomain.servers[0]!.host.replace(/\./g, '\\.')}$`));
});

test('a domain of no simulated operator is reported by the fallback host', () => {
  const source = deliveryReportSource('a@ailleurs.example', createTrustSpaceView(SAMPLE));
  assert.equal(source.host, 'mta.simulateur-mssante.test');
  assert.equal(source.mailerDaemon, 'MAILER-DAEMON@mta.simulateur-mssante.test');
});
