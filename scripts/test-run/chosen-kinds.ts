// Reads `--etapes a,b` from the test command's arguments: the test kinds to run (all when absent).
// An unknown kind is refused with the list of known ones, so a typo never runs nothing silently.

export class UnknownTestKindError extends Error {
  readonly code = 'UNKNOWN_TEST_KIND';
}

export function chosenKinds(args: readonly string[], known: readonly string[]): ReadonlySet<string> {
  const at = args.indexOf('--etapes');
  if (at === -1) return new Set(known);
  const asked = (args[at + 1] ?? '').split(',').map((kind) => kind.trim()).filter((kind) => kind !== '');
  const unknown = asked.filter((kind) => !known.includes(kind));
  if (asked.length === 0 || unknown.length > 0) {
    throw new UnknownTestKindError(`Étape(s) inconnue(s) : ${unknown.join(', ') || '(aucune)'}. Étapes possibles : ${known.join(', ')}.`);
  }
  return new Set(asked);
}
