import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVariant, describeComparison } from './matrix-comparison.ts';

describe('faulty-variant matrix comparison', () => {
  it('accepts a variant that fails exactly its expected scenarios', () => {
    const comparison = compareVariant({ variant: 're-fin-subject', failed: ['clôture [FIN]'], other: [] }, ['clôture [FIN]']);
    assert.equal(comparison.ok, true);
    assert.deepEqual(describeComparison(comparison, 1), ['✔ re-fin-subject : 1 scénario(s) en échec, comme attendu']);
  });

  it('reports a missed detection and an unexpected failure', () => {
    const comparison = compareVariant({ variant: 'missing-x-mss-nil', failed: ['autre'], other: [] }, ['format']);
    assert.equal(comparison.ok, false);
    assert.deepEqual(comparison.missed, ['format']);
    assert.deepEqual(comparison.unexpected, ['autre']);
    assert.deepEqual(describeComparison(comparison, 1), ['✘ missing-x-mss-nil', '    non détectée par : format', '    échec inattendu : autre']);
  });

  it('never accepts a variant that no scenario is expected to catch', () => {
    assert.equal(compareVariant({ variant: 'x', failed: [], other: [] }, []).ok, false);
  });

  it('refuses a run where scenarios neither passed nor failed', () => {
    assert.equal(compareVariant({ variant: 'x', failed: ['a'], other: ['b (not-run)'] }, ['a']).ok, false);
  });
});
