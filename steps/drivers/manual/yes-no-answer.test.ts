import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGiveUp, parseYesNo } from './yes-no-answer.ts';

describe('parseYesNo', () => {
  it('reads « o », « oui », « n », « non » whatever the case and spacing', () => {
    assert.deepEqual(['o', ' Oui ', 'OUI.', 'n', 'Non', ' N '].map(parseYesNo), [true, true, true, false, false, false]);
  });

  it('rejects anything else, so that the person is asked again', () => {
    assert.deepEqual(['', 'y', 'yes', 'ouais', 'no', 'o n', 'peut-être'].map(parseYesNo), [undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('isGiveUp', () => {
  it('accepts « r » and « refusé », not a yes/no answer nor an empty line', () => {
    assert.deepEqual(['r', ' R ', 'refusé', '', 'o', 'n'].map(isGiveUp), [true, true, true, false, false, false]);
  });
});
