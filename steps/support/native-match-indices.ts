// Step matching with the engine's own match indices. To learn where each parameter of a step
// sits in its text, @cucumber/cucumber-expressions calls the `regexp-match-indices` package, which
// tests for native indices with an expression that lacks the `d` flag, finds none, and so keeps
// its polyfill: every matched step parses its expression again with regexp-tree and rebuilds it,
// about 1.8 ms per step, 8 to 14 % of the CPU of a conformance campaign (`npm run conformite`, the
// fault matrix, the scenarios), measured on the 94 scenarios of this suite. Node has had the `d`
// flag (hasIndices, ES2022) since version 16.
// The package's exported `exec` calls `polyfill.call(regexp, text)`: giving that function its own
// `call` puts the native `exec` of a `d` copy of the expression in its place, with the same
// result (`native-match-indices.test.ts` compares both on the constructs cucumber builds and on
// this project's parameter types), except for a group repeated by a quantifier, which the engine
// places at its last repetition as the standard says and the polyfill at its first. Loaded with
// the support code, before cucumber matches the steps, whatever command started cucumber; when a
// later version of the package finds the native indices by itself, nothing is changed.
import { createRequire } from 'node:module';

type Exec = (regexp: RegExp, text: string) => RegExpExecArray | null;
export interface MatchIndicesPackage {
  readonly getPolyfill: () => { call: Exec };
  /** The package's own polyfill (a function of `this`). */
  readonly implementation: (this: RegExp, text: string) => RegExpExecArray | null;
  readonly native: (this: RegExp, text: string) => RegExpExecArray | null;
}

/** The `d` copy of each expression matched. */
const measuring = new WeakMap<RegExp, RegExp>();

/** `regexp.exec(text)` whose result carries `indices` ([start, end] of the match and each group). */
export function execWithNativeIndices(regexp: RegExp, text: string): RegExpExecArray | null {
  let withIndices = measuring.get(regexp);
  if (withIndices === undefined) {
    withIndices = regexp.hasIndices ? regexp : new RegExp(regexp.source, `${regexp.flags}d`);
    measuring.set(regexp, withIndices);
  }
  withIndices.lastIndex = regexp.lastIndex;
  const match = withIndices.exec(text);
  regexp.lastIndex = withIndices.lastIndex;
  return match;
}

/** The `regexp-match-indices` that cucumber-expressions loads (undefined if it no longer uses one). */
export function cucumberMatchIndices(): MatchIndicesPackage | undefined {
  try {
    const fromExpressions = createRequire(createRequire(import.meta.url).resolve('@cucumber/cucumber-expressions'));
    return fromExpressions('regexp-match-indices') as MatchIndicesPackage;
  } catch {
    return undefined;
  }
}

const matchIndices = cucumberMatchIndices();
const polyfill = matchIndices?.getPolyfill();
if (polyfill && matchIndices && polyfill !== (matchIndices.native as unknown)) polyfill.call = execWithNativeIndices;
