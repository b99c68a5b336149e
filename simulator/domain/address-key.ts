// One normalisation of addresses and domains for comparing and keying: lower-case, nothing
// else. Domains are case-insensitive (RFC 5321 §2.4); local parts may be case-sensitive by the
// RFC, but MSSanté mailboxes are not in practice, so the whole address is folded. No trimming
// and no repair: an address with white space stays invalid (checkAddress says why). The
// canonical spelling with the INS upper-cased on the patient domain is normalizeAddress
// (mss-address.ts), for validated addresses only.

/** The key an address is compared and stored under: lower-case. Never throws. */
export function addressKey(address: string): string {
  return address.toLowerCase();
}

/** The key a domain is compared under (liste blanche, simulated domains): lower-case. */
export function domainKey(domain: string): string {
  return domain.toLowerCase();
}

/** Whether two addresses name the same mailbox (case-insensitive). */
export function sameAddress(left: string, right: string): boolean {
  return addressKey(left) === addressKey(right);
}
