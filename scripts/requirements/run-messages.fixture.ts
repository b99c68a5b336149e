// A hand-written cucumber message stream (NDJSON) for the tests: one feature with a scenario
// and a two-row Plan du scénario, plus a second feature; each pickle's run is scripted.
export interface ScriptedPickle {
  readonly id: string;
  readonly uri: string;
  readonly name: string;
  readonly line?: number;
  readonly astNodeIds: readonly string[];
  readonly tags: readonly string[];
  /** One list of step statuses per attempt; none = never started. */
  readonly attempts: readonly (readonly string[])[];
}

export function runMessages(pickles: readonly ScriptedPickle[]): string {
  const document = {
    gherkinDocument: {
      uri: 'features/a.feature',
      feature: {
        tags: [],
        children: [
          { scenario: { id: 'sc-1', location: { line: 5 }, tags: [], examples: [] } },
          { rule: { id: 'r-1', tags: [], children: [{ scenario: { id: 'sc-2', location: { line: 9 }, tags: [], examples: [{ tableBody: [{ id: 'row-1', location: { line: 13 } }, { id: 'row-2', location: { line: 14 } }] }] } }] } },
        ],
      },
    },
  };
  const envelopes: unknown[] = [{ meta: { protocolVersion: '32.2.0' } }, document];
  for (const p of pickles) {
    envelopes.push({ pickle: { id: p.id, uri: p.uri, name: p.name, ...(p.line === undefined ? {} : { location: { line: p.line, column: 5 } }), astNodeIds: p.astNodeIds, tags: p.tags.map((name) => ({ name, astNodeId: 'x' })), steps: [] } });
  }
  envelopes.push({ testRunStarted: { timestamp: { seconds: 0, nanos: 0 } } });
  for (const p of pickles) envelopes.push({ testCase: { id: `tc-${p.id}`, pickleId: p.id, testSteps: [] } });
  for (const p of pickles) {
    p.attempts.forEach((statuses, attempt) => {
      const startedId = `st-${p.id}-${attempt}`;
      envelopes.push({ testCaseStarted: { id: startedId, testCaseId: `tc-${p.id}`, attempt } });
      for (const status of statuses) envelopes.push({ testStepFinished: { testCaseStartedId: startedId, testStepId: 's', testStepResult: { status, duration: { seconds: 0, nanos: 0 } } } });
      envelopes.push({ testCaseFinished: { testCaseStartedId: startedId, willBeRetried: attempt < p.attempts.length - 1 } });
    });
  }
  envelopes.push({ testRunFinished: { success: false } });
  return envelopes.map((envelope) => JSON.stringify(envelope)).join('\n') + '\n';
}
