// Reading a person's yes/no answer typed in the terminal (manual driver): « o »/« oui »
// and « n »/« non », any case, surrounding spaces and a final full stop ignored.

const YES = new Set(['o', 'oui']);
const NO = new Set(['n', 'non']);

/** true for yes, false for no, undefined when the line is neither (the person is asked again). */
export function parseYesNo(line: string): boolean | undefined {
  const word = line.trim().replace(/[.!]+$/, '').trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

/** The typed word that ends a wait early: the software refused, or nothing will happen (« r »). */
export function isGiveUp(line: string): boolean {
  const word = line.trim().toLowerCase();
  return word === 'r' || word === 'refus' || word === 'refusé' || word === 'refuse';
}

export function yesNoLabel(answer: boolean): string {
  return answer ? 'oui' : 'non';
}
