// The SMTP envelope of a transaction as routing stores it (simulator/protocols/mime/stored-message.ts),
// from smtp-server's session: MAIL FROM (`''` for `<>`), RCPT TO in order, and the DSN
// parameters of RFC 3461 (RET, ENVID on MAIL; NOTIFY, ORCPT per RCPT), which smtp-server parses
// and checks when `hideDSN` is false. Addresses are pooled (string-pool.ts): they recur; so do
// whole envelopes without DSN parameters (the same sender to the same recipients), kept once,
// frozen, in a bounded pool.
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
  const mailFrom = envelope.mailFrom ? messageStrings.intern(envelope.mailFrom.address) : '';
  const rcptTo = messageStrings.internList(envelope.rcptTo.map((recipient) => recipient.address));
  const hasDsn = ret === 'FULL' || ret === 'HDRS' || Boolean(envid) || Object.keys(recipientDsn).length > 0;
  if (!hasDsn) return plainEnvelope(mailFrom, rcptTo);
  return {
    mailFrom,
    rcptTo,
    ...(ret === 'FULL' || ret === 'HDRS' ? { ret } : {}),
    ...(envid ? { envid } : {}),
    ...(Object.keys(recipientDsn).length > 0 ? { recipientDsn } : {}),
  };
}

const ENVELOPE_POOL_CAPACITY = 4096;
/** By sender, then by the pooled recipient list (string-pool.ts gives one list per distinct list). */
const plainEnvelopes = new Map<string, Map<readonly string[], Envelope>>();
let pooledEnvelopes = 0;

function plainEnvelope(mailFrom: string, rcptTo: readonly string[]): Envelope {
  const bySender = plainEnvelopes.get(mailFrom);
  const pooled = bySender?.get(rcptTo);
  if (pooled !== undefined) return pooled;
  if (pooledEnvelopes >= ENVELOPE_POOL_CAPACITY) {
    plainEnvelopes.clear();
    pooledEnvelopes = 0;
  }
  const made: Envelope = Object.freeze({ mailFrom, rcptTo });
  const senders = plainEnvelopes.get(mailFrom) ?? new Map<readonly string[], Envelope>();
  senders.set(rcptTo, made);
  plainEnvelopes.set(mailFrom, senders);
  pooledEnvelopes += 1;
  return made;
}
