// Date-time of RFC 5322 §3.3 for Date, Arrival-Date (RFC 3464 §2.2.5): `Thu, 01 Jan 1970 00:00:00 +0000`.

/** A date as RFC 5322 date-time, in UTC (`+0000`). */
export function formatRfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
