import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDispositionNotification } from './disposition-notification.ts';

describe('disposition notification (RFC 8098 §3.2)', () => {
  it('reads the recipient, the original Message-ID and the disposition type', () => {
    const text = 'Reporting-UA: poste-1; Logiciel\r\nFinal-Recipient: rfc822;pharmacie.duparc@pharmacien.mssante.fr\r\nOriginal-Message-ID: <abc@medecin.mssante.fr>\r\nDisposition: automatic-action/MDN-sent-automatically;\r\n displayed\r\n';
    const mdn = parseDispositionNotification(text);
    assert.equal(mdn.finalRecipient, 'rfc822;pharmacie.duparc@pharmacien.mssante.fr');
    assert.equal(mdn.originalMessageId, 'abc@medecin.mssante.fr');
    assert.equal(mdn.dispositionType, 'displayed');
    assert.equal(mdn.reportingUa, 'poste-1; Logiciel');
  });

  it('gives no field for an empty or foreign body', () => {
    assert.deepEqual(parseDispositionNotification(''), { fields: {} });
    assert.equal(parseDispositionNotification('Disposition: manual-action/MDN-sent-manually; processed/error\n').dispositionType, 'processed');
  });
});
