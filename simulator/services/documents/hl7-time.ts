// HL7 v3 / XDS timestamps (`YYYYMMDDHHMMSS`, UTC) and dates (`YYYYMMDD`) written by the generator.
export function hl7Timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** `1984-03-12` → `19840312`. */
export function hl7Date(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

/** `1984-03-12` → `12/03/1984` (subject of a document message, SC.MSS/CONF.25). */
export function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
