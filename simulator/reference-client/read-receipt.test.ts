import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMessage } from '../protocols/mime/message-reader.ts';
import { composeReadReceipt } from './read-receipt.ts';

describe('read receipt of the reference client (RFC 8098)', () => {
  it('is a disposition-notification report naming the original message, readable by the simulator', async () => {
    const raw = composeReadReceipt({ from: 'pharmacie.duparc@pharmacien.mssante.fr', fromName: 'Pharmacie du Parc', to: 'helene.rousseau@medecin.mssante.fr', originalMessageId: 'orig@medecin.mssante.fr', originalSubject: 'Résultats de Louise', messageId: 'mdn-1@pharmacien.mssante.fr', productNil: 'NIL-1', date: new Date('2026-12-03T10:00:00Z') });
    const parsed = await parseMessage(raw);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.subject, 'Accusé de lecture : Résultats de Louise');
    assert.equal(parsed.from[0]?.name, 'Pharmacie du Parc');
    assert.equal(parsed.inReplyTo, 'orig@medecin.mssante.fr');
    assert.equal(parsed.dispositionNotification?.originalMessageId, 'orig@medecin.mssante.fr');
    assert.equal(parsed.dispositionNotification?.dispositionType, 'displayed');
    assert.match(parsed.text ?? '', /a été affiché/);
  });
});
