import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageIndex } from '../../protocols/mime/message-index.ts';
import { messageKind } from './message-kind.ts';

const index = (contentType?: string): MessageIndex => ({ references: [], from: [], to: [], cc: [], replyTo: [], xMss: {}, headerBytes: 0, ...(contentType ? { contentType } : {}) });
const report = (action: string) => Buffer.from(`Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\nFinal-Recipient: rfc822;a@b\r\nAction: ${action}\r\nStatus: 5.1.1\r\n`);

test('a delivery-status report with a failed action is a bounce', () => {
  assert.equal(messageKind(index('multipart/report; report-type=delivery-status; boundary="b"'), report('failed')), 'bounce');
  assert.equal(messageKind(index('multipart/report;\r\n report-type="delivery-status"'), report('delayed')), 'bounce');
});

test('a delivery-status report with only delivered actions is a receipt', () => {
  assert.equal(messageKind(index('multipart/report; report-type=delivery-status'), report('delivered')), 'receipt');
});

test('a disposition notification is a receipt, anything else a message', () => {
  assert.equal(messageKind(index('multipart/report; report-type=disposition-notification'), report('failed')), 'receipt');
  assert.equal(messageKind(index('text/plain; charset=utf-8'), report('failed')), 'message');
  assert.equal(messageKind(index(), report('failed')), 'message');
});
