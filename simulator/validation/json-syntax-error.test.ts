import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateJsonSyntaxError } from './json-syntax-error.ts';

test('a missing value is located at the offending character, with line and column', () => {
  assert.deepEqual(locateJsonSyntaxError('{\n  "to": ,\n}'), {
    position: 10,
    line: 2,
    column: 9,
    detail: 'caractère « , » inattendu : une valeur JSON est attendue (objet, tableau, chaîne, nombre, true, false ou null)',
  });
});

test('common mistakes get a French explanation of what was expected', () => {
  const cases: [string, number, string][] = [
    ["{'to': 1}", 1, 'caractère « \' » inattendu : un nom de propriété entre guillemets doubles est attendu'],
    ['{"a": 1,}', 8, 'caractère « } » inattendu : un nom de propriété entre guillemets doubles est attendu'],
    ['[1, 2,]', 6, 'caractère « ] » inattendu : une valeur JSON est attendue (objet, tableau, chaîne, nombre, true, false ou null)'],
    ['{"a" 1}', 5, 'caractère « 1 » inattendu : « : » est attendu après le nom de propriété'],
    ['{"a": 1', 7, 'fin inattendue du texte : « , » ou « } » est attendu'],
    ['{"a": "b', 8, "fin inattendue du texte : la chaîne ouverte à la position 6 n'est pas fermée"],
    ['{"a": 1} x', 9, 'caractère « x » en trop après la fin du JSON'],
    ['"a\\qb"', 2, "séquence d'échappement invalide dans une chaîne"],
    ['"\\u12G4"', 1, 'séquence \\u invalide : 4 chiffres hexadécimaux sont attendus'],
    ['"tab\there"', 4, 'caractère de contrôle non échappé dans une chaîne (écrivez \\n, \\t…)'],
    ['', 0, 'fin inattendue du texte : une valeur JSON est attendue (objet, tableau, chaîne, nombre, true, false ou null)'],
    ['tru', 0, 'caractère « t » inattendu : une valeur JSON est attendue (objet, tableau, chaîne, nombre, true, false ou null)'],
  ];
  for (const [text, position, detail] of cases) {
    const found = locateJsonSyntaxError(text);
    assert.equal(found?.position, position, text);
    assert.equal(found?.detail, detail, text);
  }
});

test('valid JSON has no error, whatever its nesting', () => {
  for (const text of ['{"a":[1,-2.5e3,{"b":null,"c":[true,false]}],"d":"\\u00e9\\n"}', ' [] ', '0', '"x"', '{}']) {
    assert.doesNotThrow(() => JSON.parse(text));
    assert.equal(locateJsonSyntaxError(text), undefined, text);
  }
});

test('a million open brackets do not overflow the stack', () => {
  const found = locateJsonSyntaxError('['.repeat(1_000_000));
  assert.equal(found?.position, 1_000_000);
  assert.equal(found?.line, 1);
});
