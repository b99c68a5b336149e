// Luhn (mod 10) check digit, used by RPPS numbers and FINESS numbers (REG-ANN-07; a decision for FINESS).

export function luhnIsValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The digit that makes `body` + digit pass the Luhn check. */
export function luhnCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit += 1) {
    if (luhnIsValid(body + digit)) return String(digit);
  }
  throw new RangeError(`not a digit string: ${JSON.stringify(body)}`);
}
