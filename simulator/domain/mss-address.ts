// E-mail addresses as the trust space handles them: a bare `local@domain` (RFC 5321 §4.1.2
// Mailbox, without quoted local parts, address literals or source routes). Callers strip the
// angle brackets of `<addr>` and any display name before calling in.
import { domainKey } from './address-key.ts';
import { InvalidAddressError } from './invalid-address-error.ts';
import { AUTO_REPLY_ADDRESS, PATIENT_DOMAIN } from './model.ts';

export interface MssAddress {
  readonly localPart: string;
  /** Lower-cased: domains are case-insensitive (RFC 5321 §2.4). */
  readonly domain: string;
}

export type AddressProblem =
  | 'empty'
  | 'missing-at'
  | 'multiple-at'
  | 'empty-local-part'
  | 'empty-domain'
  | 'whitespace'
  | 'angle-brackets'
  | 'domain-syntax';

export type AddressCheck = { readonly valid: true; readonly address: MssAddress } | { readonly valid: false; readonly problem: AddressProblem };

/** Space, tab, CR, LF and every other C0 control or DEL. */
const WHITESPACE_OR_CONTROL = /[\s\x00-\x1f\x7f]/;
/** Dot-separated labels of letters, digits and inner hyphens (RFC 5321 §4.1.2 Domain). */
const DOMAIN_SYNTAX = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const AUTO_REPLY_LOCAL_PART = AUTO_REPLY_ADDRESS.slice(0, AUTO_REPLY_ADDRESS.indexOf('@'));

/** Splits and checks an address without throwing; the domain comes back lower-cased. */
export function checkAddress(text: string): AddressCheck {
  if (text.length === 0) return { valid: false, problem: 'empty' };
  if (WHITESPACE_OR_CONTROL.test(text)) return { valid: false, problem: 'whitespace' };
  if (text.includes('<') || text.includes('>')) return { valid: false, problem: 'angle-brackets' };
  const at = text.indexOf('@');
  if (at === -1) return { valid: false, problem: 'missing-at' };
  if (text.indexOf('@', at + 1) !== -1) return { valid: false, problem: 'multiple-at' };
  const localPart = text.slice(0, at);
  const domain = domainKey(text.slice(at + 1));
  if (localPart.length === 0) return { valid: false, problem: 'empty-local-part' };
  if (domain.length === 0) return { valid: false, problem: 'empty-domain' };
  if (!DOMAIN_SYNTAX.test(domain)) return { valid: false, problem: 'domain-syntax' };
  return { valid: true, address: { localPart, domain } };
}

/** Like checkAddress, but throws InvalidAddressError (code MSS_SIM_DOMAIN_INVALID_ADDRESS). */
export function parseAddress(text: string): MssAddress {
  const check = checkAddress(text);
  if (!check.valid) throw new InvalidAddressError(text, check.problem);
  return check.address;
}

/**
 * The canonical form of an address, used as key everywhere in the simulator.
 *
 * Decision (REG-ADR-05): the domain is lower-cased; the local part is lower-cased too,
 * except on `patient.mssante.fr` where it is upper-cased so that a matricule written `2a`/`2b`
 * reads `2A`/`2B` for the INS check. RFC 5321 §2.4 lets a host treat local parts as
 * case-sensitive, but MTAs treat them case-insensitively in practice, and so do we. The
 * auto-reply mailbox of the patient domain keeps its lower-case spelling.
 */
export function normalizeAddress(text: string): string {
  const { localPart, domain } = parseAddress(text);
  return `${normalizeLocalPart(localPart, domain)}@${domain}`;
}

/** The local-part rule of normalizeAddress, for callers that already split the address. */
export function normalizeLocalPart(localPart: string, domain: string): string {
  if (domain !== PATIENT_DOMAIN) return localPart.toLowerCase();
  const lower = localPart.toLowerCase();
  return lower === AUTO_REPLY_LOCAL_PART ? lower : localPart.toUpperCase();
}

/** Domain part after the last `@`, lower-cased; `''` when there is none. Never throws. */
export function domainOf(text: string): string {
  const at = text.lastIndexOf('@');
  return at === -1 ? '' : domainKey(text.slice(at + 1));
}
