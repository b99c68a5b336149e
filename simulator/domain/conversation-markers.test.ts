import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isEndOfConversationSubject, isNoReplyMarker } from './conversation-markers.ts';

describe('isEndOfConversationSubject (REG-FIN-01: exactly [FIN])', () => {
  it('is true only for the exact subject', () => {
    assert.equal(isEndOfConversationSubject('[FIN]'), true);
  });

  for (const subject of ['RE: [FIN]', 'Re: [FIN]', '[fin]', '[Fin]', '[FIN] ', ' [FIN]', 'FIN', '[FIN] Fin du suivi', '', undefined]) {
    it(`is false for ${JSON.stringify(subject)}`, () => {
      assert.equal(isEndOfConversationSubject(subject), false);
    });
  }
});

describe('isNoReplyMarker (SC.MSS/CONF.21: X-MSS-MES exactly FIN)', () => {
  it('is true for FIN, surrounding whitespace trimmed (decision)', () => {
    assert.equal(isNoReplyMarker('FIN'), true);
    assert.equal(isNoReplyMarker(' FIN '), true);
    assert.equal(isNoReplyMarker('FIN\r\n'), true);
  });

  for (const value of ['fin', 'Fin', 'FINI', 'F IN', '[FIN]', 'NON', '', undefined]) {
    it(`is false for ${JSON.stringify(value)}`, () => {
      assert.equal(isNoReplyMarker(value), false);
    });
  }
});
