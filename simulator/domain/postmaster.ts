// The postmaster of each simulated domain (REG-SMTP-05). RFC 5321 §4.5.1: every SMTP server that
// delivers mail MUST accept mail for "postmaster" of its domains, the local part compared without
// case, and `RCPT TO:<Postmaster>` without a domain for the postmaster of the server itself.
// Pure: the RCPT policy and routing both ask.
import { addressKey } from './address-key.ts';
import { domainOf } from './mss-address.ts';

/** The name in the simulator's servers' greetings and certificates: the domain of the bare `<postmaster>`. */
export const SIMULATOR_HOST_NAME = 'mssante.simulateur.test';

const LOCAL_PART = 'postmaster';

/**
 * The simulator's own postmaster: `RCPT TO:<postmaster>` without a domain (RFC 5321 §4.1.1.3),
 * or with the simulator's host name; any case.
 */
export function isOwnPostmaster(address: string): boolean {
  const key = addressKey(address);
  return key === LOCAL_PART || key === `${LOCAL_PART}@${SIMULATOR_HOST_NAME}`;
}

/**
 * The mailbox a postmaster address is delivered to: `postmaster@<domain>` in lower case, the
 * simulator's own for the bare form; undefined when the address is not a postmaster's.
 */
export function postmasterMailbox(address: string): string | undefined {
  if (addressKey(address) === LOCAL_PART) return `${LOCAL_PART}@${SIMULATOR_HOST_NAME}`;
  const at = address.lastIndexOf('@');
  if (at < 0 || addressKey(address.slice(0, at)) !== LOCAL_PART) return undefined;
  const domain = domainOf(address);
  return domain === '' ? undefined : `${LOCAL_PART}@${domain}`;
}
