// The guard of starttls-observation.ts: the installed smtp-server matches what the override
// relies on, and a changed version or upgrade body is named, not silently run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';
import { installedSmtpServerVersion } from './smtp-library-guard.ts';
import { upgradeShapeProblem } from './starttls-observation.ts';

test('the installed smtp-server upgrade() is the one the ClientHello peek was written against', () => {
  const version = installedSmtpServerVersion();
  const upgrade = SMTPConnection.prototype.upgrade.toString();
  const onError = SMTPConnection.prototype._onError.toString();
  assert.equal(upgradeShapeProblem(version, upgrade, onError), undefined);
  assert.equal(upgradeShapeProblem('3.22.0', upgrade, onError), 'version 3.22.0, expected 3.21.x');
  assert.equal(
    upgradeShapeProblem(version, upgrade.replace('new tls.TLSSocket(this._socket, socketOptions)', 'tls.connect(socketOptions)'), onError),
    'SMTPConnection#upgrade no longer contains new tls.TLSSocket(this._socket, socketOptions)',
  );
  assert.equal(upgradeShapeProblem(version, upgrade, onError.replace("this.emit('error', err)", 'this.close()')), 'SMTPConnection#_onError no longer emits the error');
});
