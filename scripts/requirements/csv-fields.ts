// One line of the register or of the coverage report: `;`-separated fields (the French Excel
// habit), a field enclosed in double quotes when it holds `;` or `"` (a quote doubled inside),
// as RFC 4180 §2 describes with `;` in place of `,`. No field spans several lines.

export const SEPARATOR = ';';

export type SplitResult = { readonly ok: true; readonly fields: readonly string[] } | { readonly ok: false; readonly reason: string };

/** Splits one line into its fields; an unclosed or misplaced quote is a French reason. */
export function splitCsvLine(line: string): SplitResult {
  const fields: string[] = [];
  let index = 0;
  for (;;) {
    if (line[index] === '"') {
      const quoted = readQuoted(line, index + 1);
      if (!quoted.ok) return quoted;
      fields.push(quoted.value);
      index = quoted.end;
      if (index < line.length && line[index] !== SEPARATOR) return { ok: false, reason: `guillemet fermant suivi de « ${line[index]} » au lieu de « ${SEPARATOR} » (colonne ${index + 1})` };
    } else {
      const end = line.indexOf(SEPARATOR, index);
      const stop = end === -1 ? line.length : end;
      const value = line.slice(index, stop);
      if (value.includes('"')) return { ok: false, reason: `guillemet au milieu d'un champ non entouré de guillemets (colonne ${index + value.indexOf('"') + 1})` };
      fields.push(value);
      index = stop;
    }
    if (index >= line.length) return { ok: true, fields };
    index += 1; // past the separator
  }
}

type Quoted = { readonly ok: true; readonly value: string; readonly end: number } | { readonly ok: false; readonly reason: string };

function readQuoted(line: string, start: number): Quoted {
  let value = '';
  let index = start;
  while (index < line.length) {
    const char = line[index];
    if (char === '"' && line[index + 1] === '"') {
      value += '"';
      index += 2;
    } else if (char === '"') {
      return { ok: true, value, end: index + 1 };
    } else {
      value += char;
      index += 1;
    }
  }
  return { ok: false, reason: `guillemet ouvert en colonne ${start} jamais fermé` };
}

/** Joins fields into one line, quoting only the fields that need it. */
export function formatCsvLine(fields: readonly string[]): string {
  return fields.map((field) => (/[;"\r\n]/.test(field) ? `"${field.replaceAll('"', '""').replace(/[\r\n]+/g, ' ')}"` : field)).join(SEPARATOR);
}
