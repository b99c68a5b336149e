import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeReadReceipt } from './fact-wording.ts';

describe('fact wording: read receipts (RFC 8098)', () => {
  it('tells a read receipt, a request for one, and says nothing of an ordinary message', () => {
    assert.match(describeReadReceipt({ contentType: 'multipart/report; report-type="disposition-notification"; boundary=x' }) ?? '', /^accusé de lecture \(MDN/);
    assert.equal(describeReadReceipt({ contentType: 'text/plain', dispositionNotificationTo: 'a@b.fr' }), 'accusé de lecture demandé à a@b.fr (Disposition-Notification-To, RFC 8098)');
    assert.equal(describeReadReceipt({ contentType: 'multipart/report; report-type=delivery-status' }), undefined);
  });
});
