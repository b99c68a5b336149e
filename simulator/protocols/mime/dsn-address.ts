// The address field of a DSN's per-recipient group (Final-Recipient, RFC 3464 §2.3.2), in the
// 7-bit `message/delivery-status`: an ASCII address is `rfc822;address`; an address with
// characters outside ASCII (a local part accepted under SMTPUTF8, REG-SMTP-06) is
// `utf-8;` followed by its utf-8-addr-xtext form (RFC 6533 §3): every character outside QCHAR
// written `\x{HEX}` (upper-case hexadecimal, no leading zero), so that a bounce parser gets
// back the very address, never a look-alike with its accents dropped.

/** QCHAR of RFC 6533 §3: printable ASCII except SP, `+`, `=` and `\`. */
function isQchar(codePoint: number): boolean {
  return codePoint >= 0x21 && codePoint <= 0x7e && codePoint !== 0x2b && codePoint !== 0x3d && codePoint !== 0x5c;
}

/** RFC 6533 §3 utf-8-addr-xtext of `address`. */
export function utf8AddrXtext(address: string): string {
  let out = '';
  for (const char of address) {
    const codePoint = char.codePointAt(0) ?? 0;
    out += isQchar(codePoint) ? char : `\\x{${codePoint.toString(16).toUpperCase().padStart(2, '0')}}`;
  }
  return out;
}

/** `rfc822;address` for an ASCII address, `utf-8;` and its xtext form otherwise (RFC 6533 §3). */
export function typedRecipientAddress(address: string): string {
  return /^[\x20-\x7e]*$/.test(address) ? `rfc822;${address}` : `utf-8;${utf8AddrXtext(address)}`;
}

/** The address written by utf8AddrXtext, `\x{HEX}` read back (a malformed escape is kept as written). */
export function decodeUtf8AddrXtext(xtext: string): string {
  return xtext.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/g, (escape, hex: string) => {
    const codePoint = Number.parseInt(hex, 16);
    return codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff) ? String.fromCodePoint(codePoint) : escape;
  });
}
