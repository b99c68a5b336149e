import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CucumberExpression, ParameterType, ParameterTypeRegistry, RegularExpression, type Argument, type Group } from '@cucumber/cucumber-expressions';
import { actorPattern } from './cast.ts';
import { cucumberMatchIndices, execWithNativeIndices } from './native-match-indices.ts';
import { DEFAULT_FIXTURES_DIR } from '../../simulator/public-api.ts';

const matchIndices = cucumberMatchIndices();
assert.ok(matchIndices, 'cucumber-expressions no longer loads regexp-match-indices: remove native-match-indices.ts');
const polyfill = matchIndices.getPolyfill();

/** Regular expressions with the constructs cucumber-expressions builds, and texts for each. */
const CORPUS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^le patient (\d+) écrit « ([^«»]+) »$/, ['le patient 12 écrit « Bonjour, Gérard » ', 'le patient 12 écrit « Bonjour, Gérard »', 'aucun']],
  [/^(?:le |la )?(pharmacie|médecin)s? (a(b)?c)?$/, ['la pharmacies abc', 'pharmacie ', 'médecin ac', 'médecin abc']],
  [/(?<statut>[245]\.(\d{1,3})\.\d{1,3}) (?<texte>.*)/u, ['refus 5.1.1 adresse inconnue 😷 ici', 'rien']],
  [/(?<=« )([^»]+)(?= »)/, ['objet « [FIN] » envoyé', 'sans']],
  [/(\p{L}+)-(\p{L}+)/gu, ['Jean-Émile et Marie-Ève']],
  [/x(y)?/y, ['xyx', 'yx']],
  [/(é)|(è)/i, ['È', 'é']],
];

function sameMatch(regexp: RegExp, text: string, lastIndex: number) {
  const ours = new RegExp(regexp.source, regexp.flags);
  const theirs = new RegExp(regexp.source, regexp.flags);
  ours.lastIndex = lastIndex;
  theirs.lastIndex = lastIndex;
  const expected = Reflect.apply(matchIndices!.implementation, theirs, [text]);
  const actual = execWithNativeIndices(ours, text);
  const context = `${regexp} sur « ${text} » depuis ${lastIndex}`;
  assert.equal(actual === null, expected === null, context);
  assert.equal(ours.lastIndex, theirs.lastIndex, context);
  if (actual === null || expected === null) return;
  assert.deepEqual([...actual], [...expected], context);
  assert.equal(actual.index, expected.index, context);
  assert.deepEqual(actual.groups, expected.groups, context);
  assert.deepEqual([...actual.indices!], [...expected.indices!], context);
  assert.deepEqual(actual.indices!.groups, expected.indices!.groups, context);
  actual.forEach((value, group) => assert.equal(value === undefined ? undefined : text.slice(...actual.indices![group]!), value, context));
}

test('the native indices are those of the package polyfill: groups, optional groups, named groups, lookarounds, Unicode, global and sticky', () => {
  for (const [regexp, texts] of CORPUS) for (const text of texts) for (const lastIndex of [0, 1, 3]) sameMatch(regexp, text, lastIndex);
});

test('a group repeated by a quantifier gets the place of its last repetition, where the polyfill gives its first', () => {
  const regexp = /^(a(b)?)+$/;
  const native = execWithNativeIndices(regexp, 'abab');
  assert.deepEqual([...native!.indices!], [[0, 4], [2, 4], [3, 4]]);
  assert.deepEqual([...Reflect.apply(matchIndices.implementation, regexp, ['abab'])!.indices!], [[0, 4], [0, 2], [1, 2]]);
});

test("loading the support code makes cucumber-expressions' matching go through the native indices", () => {
  assert.equal(polyfill.call, execWithNativeIndices);
  const registry = new ParameterTypeRegistry();
  const seen: RegExp[] = [];
  polyfill.call = (regexp, text) => (seen.push(regexp), execWithNativeIndices(regexp, text));
  try {
    assert.ok(new CucumberExpression('{int} message(s)', registry).match('3 messages'));
  } finally {
    polyfill.call = execWithNativeIndices;
  }
  assert.equal(seen.length, 1);
});

/** A step argument as cucumber hands it over: its text, its place, its groups, its value. */
function described(args: readonly Argument[] | null) {
  const group = (g: Group): unknown => ({ value: g.value, start: g.start, end: g.end, children: g.children?.map(group) });
  return args?.map((argument) => ({ group: group(argument.group), value: argument.getValue(null) as unknown }));
}

test("the project's parameter types and step shapes give the same arguments with the native indices as with the polyfill", () => {
  const registry = new ParameterTypeRegistry();
  registry.defineParameterType(new ParameterType('acteur', new RegExp(actorPattern(DEFAULT_FIXTURES_DIR)), null, (label: string) => label));
  registry.defineParameterType(new ParameterType('texte', /[^«»]+/, null, (text: string) => text.trim()));
  registry.defineParameterType(new ParameterType('statut', /[245]\.\d{1,3}\.\d{1,3}/, null, (status: string) => status));
  registry.defineParameterType(new ParameterType('destinataire', /la pharmacie|le professionnel|l'organisation/, null, (words: string) => words));
  const steps: readonly (readonly [CucumberExpression | RegularExpression, readonly string[]])[] = [
    [new CucumberExpression('{acteur} écrit à {acteur} avec l\'objet « {texte} »', registry), ['Louise écrit à la pharmacie avec l\'objet « Renouvellement » ', 'Louise écrit à Gérard avec l\'objet « [FIN] »']],
    [new CucumberExpression('le message est refusé avec le statut {statut}', registry), ['le message est refusé avec le statut 5.1.1', 'le message est refusé avec le statut 6.1.1']],
    [new CucumberExpression('{destinataire} reçoit {int} message(s)/avis', registry), ['la pharmacie reçoit 2 messages', "l'organisation reçoit 1 message", 'le professionnel reçoit 1 avis']],
    [new CucumberExpression('la recherche de {string} donne {word}', registry), ['la recherche de "Dupar c" donne rien', "la recherche de 'é' donne x"]],
    [new RegularExpression(/^l'avis (cite|ne cite pas) (« ([^»]+) »)?$/, registry), ["l'avis cite « 5.1.1 »", "l'avis ne cite pas "]],
  ];
  for (const [expression, texts] of steps) {
    for (const text of texts) {
      const native = described(expression.match(text));
      polyfill.call = Function.prototype.call as never; // the package's own polyfill again
      let polyfilled;
      try {
        polyfilled = described(expression.match(text));
      } finally {
        polyfill.call = execWithNativeIndices;
      }
      assert.deepEqual(native, polyfilled, `${expression.source} sur « ${text} »`);
    }
  }
});
