import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Requirement } from './requirement-register.ts';
import { inScope, parseReason } from './requirement-scope.ts';

const requirement = (level: Requirement['level'], reasonNotTested: string): Requirement => ({ id: 'X-01', source: 's', level, text: 't', reasonNotTested, line: 2 });

test('each prefix of the closed vocabulary gives its kind and keeps the reason', () => {
  assert.deepEqual(parseReason('', 'DOIT'), { ok: true, kind: 'none', detail: '' });
  assert.deepEqual(parseReason('à couvrir : scénario prévu', 'DOIT'), { ok: true, kind: 'to-cover', detail: 'scénario prévu' });
  assert.deepEqual(parseReason('hors périmètre : interface HL7', 'DOIT'), { ok: true, kind: 'out-of-scope', detail: 'interface HL7' });
  assert.deepEqual(parseReason('obsolète : remplacée', 'DOIT'), { ok: true, kind: 'obsolete', detail: 'remplacée' });
  assert.deepEqual(parseReason('facultative : non vérifiée', 'PEUT'), { ok: true, kind: 'optional', detail: 'non vérifiée' });
});

test('a motif outside the vocabulary, without a reason, or « facultative » on a DOIT is refused in French', () => {
  const refused = (reason: string, level: Requirement['level']) => {
    const parsed = parseReason(reason, level);
    assert.equal(parsed.ok, false, reason);
    return parsed.ok ? '' : parsed.message;
  };
  assert.match(refused('hors périmètre du simulateur : x', 'DOIT'), /commencez par « à couvrir : »/);
  assert.match(refused('pas le temps', 'DOIT'), /commencez par/);
  assert.match(refused('à couvrir :  ', 'DOIT'), /sans raison/);
  assert.match(refused('facultative : non vérifiée', 'DOIT'), /ne vaut que pour une exigence PEUT/);
});

test('only out-of-scope and obsolete requirements leave the scope', () => {
  assert.equal(inScope(requirement('DOIT', '')), true);
  assert.equal(inScope(requirement('DOIT', 'à couvrir : bientôt')), true);
  assert.equal(inScope(requirement('DOIT', 'hors périmètre : HL7')), false);
  assert.equal(inScope(requirement('DOIT', 'obsolète : retirée')), false);
});
