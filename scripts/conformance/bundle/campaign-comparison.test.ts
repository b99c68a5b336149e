import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCampaigns, comparisonLines } from './campaign-comparison.ts';

const r = (id: string, verdictCode: string) => ({ id, level: 'DOIT', verdictCode, verdict: verdictCode });

test('a requirement that passed and now fails is a regression; the reverse an improvement', () => {
  const c = compareCampaigns(
    [r('MES-FIN-01', 'reussi'), r('SC.MSS/CONF.21', 'echoue'), r('MES-ADR-01', 'reussi'), r('OFF-HPV-01', 'inapplicable'), r('OLD-01', 'reussi')],
    [r('MES-FIN-01', 'echoue'), r('SC.MSS/CONF.21', 'reussi'), r('MES-ADR-01', 'reussi'), r('OFF-HPV-01', 'reussi'), r('NEW-01', 'reussi')],
  );
  assert.deepEqual(c.regressions, [{ id: 'MES-FIN-01', before: 'reussi', after: 'echoue' }]);
  assert.deepEqual(c.improvements, [{ id: 'SC.MSS/CONF.21', before: 'echoue', after: 'reussi' }]);
  assert.deepEqual(c.changes, [{ id: 'OFF-HPV-01', before: 'inapplicable', after: 'reussi' }]);
  assert.deepEqual([c.onlyBefore, c.onlyAfter], [['OLD-01'], ['NEW-01']]);
  const lines = comparisonLines(c, { reussi: 'réussi', echoue: 'échoué' });
  assert.ok(lines.includes('Régressions (1) :'));
  assert.ok(lines.includes('  MES-FIN-01 : réussi → échoué'));
  assert.equal(lines.at(-1), 'Verdict : 1 régression(s).');
});

test('two identical campaigns: no change, no regression', () => {
  assert.deepEqual(comparisonLines(compareCampaigns([r('A', 'reussi')], [r('A', 'reussi')]), {}), ['Aucun changement de verdict entre les deux campagnes.', 'Verdict : aucune régression.']);
});
