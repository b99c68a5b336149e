import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeliveryStatus, typedFieldValue } from './delivery-status.ts';

test('per-message group then one group per recipient, folded values unfolded', () => {
  const status = parseDeliveryStatus(
    'Reporting-MTA: dns; mx.test\r\nOriginal-Envelope-Id: ENV-1\r\nArrival-Date: Thu, 02 Jan 2025 03:04:00 +0000\r\n\r\n' +
      'Original-Recipient: rfc822;Louise@x.test\r\nFinal-Recipient: rfc822;louise@x.test\r\nAction: FAILED\r\nStatus: 5.1.1\r\n' +
      'Diagnostic-Code: smtp; 550 5.1.1\r\n unknown\r\n\r\n\r\nFinal-Recipient: rfc822;b@x.test\r\nAction: delayed\r\nStatus: 4.4.1\r\n',
  );
  assert.deepEqual(status.perMessage, {
    reportingMta: 'dns; mx.test',
    arrivalDate: 'Thu, 02 Jan 2025 03:04:00 +0000',
    originalEnvelopeId: 'ENV-1',
    fields: { 'reporting-mta': 'dns; mx.test', 'original-envelope-id': 'ENV-1', 'arrival-date': 'Thu, 02 Jan 2025 03:04:00 +0000' },
  });
  assert.equal(status.recipients.length, 2);
  assert.deepEqual(status.recipients[0], {
    originalRecipient: 'rfc822;Louise@x.test',
    finalRecipient: 'rfc822;louise@x.test',
    action: 'failed',
    status: '5.1.1',
    diagnosticCode: 'smtp; 550 5.1.1 unknown',
    fields: {
      'original-recipient': 'rfc822;Louise@x.test',
      'final-recipient': 'rfc822;louise@x.test',
      action: 'FAILED',
      status: '5.1.1',
      'diagnostic-code': 'smtp; 550 5.1.1 unknown',
    },
  });
  assert.equal(status.recipients[1]?.action, 'delayed');
});

test('garbage gives no recipients and does not throw', () => {
  assert.deepEqual(parseDeliveryStatus('not a status\n\n\n').recipients, []);
  assert.deepEqual(parseDeliveryStatus('').perMessage.fields, {});
});

test('typedFieldValue strips the type', () => {
  assert.equal(typedFieldValue('rfc822; louise@x.test'), 'louise@x.test');
  assert.equal(typedFieldValue('louise@x.test'), 'louise@x.test');
});
