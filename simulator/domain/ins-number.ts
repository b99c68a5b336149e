// Matricule INS (NIR or NIA): 13 characters + a 2-digit key, REG-ADR-02.
// Key = 97 − (N mod 97), N = the 13 characters with Corsica `2A` → `19` and `2B` → `18`.

export type InsProblem = 'length' | 'characters' | 'key';

export type InsCheck = { readonly valid: true; readonly ins: string } | { readonly valid: false; readonly problem: InsProblem };

/** 13 digits, positions 6–7 (1-based) may be `2A`/`2B` (Corsica), then a 2-digit key. */
const INS_SHAPE = /^\d{5}(?:\d{2}|2A|2B)\d{6}\d{2}$/;

/** The key of the 13-character body of a matricule INS, as two digits (`01`…`97`). */
export function insKey(body13: string): string {
  if (!/^\d{5}(?:\d{2}|2A|2B)\d{6}$/.test(body13)) throw new RangeError(`not a 13-character INS body: ${JSON.stringify(body13)}`);
  const numeric = body13.replace('2A', '19').replace('2B', '18');
  const remainder = Number(BigInt(numeric) % 97n);
  return String(97 - remainder).padStart(2, '0');
}

/** Checks length, characters and key of a matricule INS (case-sensitive: `2a` is invalid). */
export function checkInsNumber(candidate: string): InsCheck {
  if (candidate.length !== 15) return { valid: false, problem: 'length' };
  if (!INS_SHAPE.test(candidate)) return { valid: false, problem: 'characters' };
  if (insKey(candidate.slice(0, 13)) !== candidate.slice(13)) return { valid: false, problem: 'key' };
  return { valid: true, ins: candidate };
}

export function isValidInsNumber(candidate: string): boolean {
  return checkInsNumber(candidate).valid;
}

/** Builds a full matricule from a 13-character body (synthetic data generators, tests). */
export function withInsKey(body13: string): string {
  return body13 + insKey(body13);
}
