// The SMTP envelope of a transaction as routing stores it (simulator/protocols/mime/stored-message.ts),
// from smtp-server's session: MAIL FROM (`''` for `<>`), RCPT TO in order, and the DSN
// parameters of RFC 3461 (RET, ENVID on MAIL; NOTIFY, ORCPT per RCPT), which smtp-server parses
// and checks when `hideDSN` is false. Addresses are pooled (string-pool.ts): they recur.
import type { SMTPServerEnvelope } from 'smtp-server';
import { messageStrings } from '../../domain/string-pool.ts';
import type { Envelope, RecipientDsn } from '../../services/store/stored-message.ts';

export function envelopeFromSession(envelope: SMTPServerEnvelope): Envelope {
  const recipientDsn: Record<string, RecipientDsn> = {};
  for (const recipient of envelope.rcptTo) {
    const dsn = recipient.dsn;
    if (!dsn || (dsn.notify === undefined && dsn.orcpt === undefined)) continue;
    recipientDsn[recipient.address] = {
      ...(dsn.notify !== undefined ? { notify: dsn.notify.map((value) => value.toUpperCase()) } : {}),
      ...(dsn.orcpt !== undefined ? { orcpt: dsn.orcpt } : {}),
    };
  }
  const ret = envelope.dsn?.ret?.toUpperCase();
  const envid = envelope.dsn?.envid;
  return {
    mailFrom: envelope.mailFrom ? messageStrings.intern(envelope.mailFrom.address) : '',
    rcptTo: envelope.rcptTo.map((recipient) => messageStrings.intern(recipient.address)),
    ...(ret === 'FULL' || ret === 'HDRS' ? { ret } : {}),
    ...(envid ? { envid } : {}),
    ...(Object.keys(recipientDsn).length > 0 ? { recipientDsn } : {}),
  };
}
