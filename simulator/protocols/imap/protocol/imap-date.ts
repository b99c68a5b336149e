// IMAP dates (RFC 3501 §9): `date` for SEARCH (`1-Feb-1994`, day granularity) and `date-time`
// for INTERNALDATE and APPEND (`"17-Jul-1996 02:44:25 -0700"`). Internal dates are written in
// UTC; SEARCH compares days in UTC (RFC 3501 §6.4.4 leaves the time zone to the server).
import { ImapSyntaxError } from './imap-syntax-error.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/;
const DATE_TIME = /^ ?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** A day as a sortable number `yyyymmdd`. */
export type DayNumber = number;

export function parseSearchDate(text: string): DayNumber {
  const match = DATE.exec(text);
  const month = match ? monthIndex(match[2] as string) : -1;
  if (!match || month < 0) throw new ImapSyntaxError(`Date invalide : « ${text.slice(0, 30)} » (format attendu : 1-Feb-1994)`);
  return Number(match[3]) * 10_000 + (month + 1) * 100 + Number(match[1]);
}

export function dayOf(date: Date): DayNumber {
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

export function parseDateTime(text: string): Date {
  const match = DATE_TIME.exec(text);
  const month = match ? monthIndex(match[2] as string) : -1;
  if (!match || month < 0) throw new ImapSyntaxError(`Date invalide : « ${text.slice(0, 30)} » (format attendu : 17-Jul-1996 02:44:25 -0700)`);
  const [, day, , year, hours, minutes, seconds, sign, zoneHours, zoneMinutes] = match as unknown as string[];
  const utc = Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds));
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes));
  const date = new Date(utc - offsetMinutes * 60_000);
  if (Number.isNaN(date.getTime())) throw new ImapSyntaxError(`Date invalide : « ${text.slice(0, 30)} »`);
  return date;
}

/** `17-Jul-1996 02:44:25 +0000` (date-day-fixed: a space before a one-digit day). */
export function formatDateTime(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const time = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${day}-${MONTHS[date.getUTCMonth()]}-${date.getUTCFullYear()} ${time} +0000`;
}

function monthIndex(name: string): number {
  return MONTHS.findIndex((month) => month.toLowerCase() === name.toLowerCase());
}
