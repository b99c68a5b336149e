// One simulator per cucumber worker, on ephemeral loopback ports; reset before each scenario
// (DESIGN.md §5: isolation is a cheap reset, not a restart).
import { AfterAll, Before, BeforeAll } from '@cucumber/cucumber';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FIXTURES_DIR, startTrustSpace } from '../../simulator/trust-space/start-trust-space.ts';
import type { TrustSpace } from '../../simulator/trust-space/trust-space.ts';

let space: TrustSpace | undefined;

export function currentTrustSpace(): TrustSpace {
  if (!space) throw new Error('simulator not started: BeforeAll did not run');
  return space;
}

export const FIXTURES_DIR = process.env.MSS_FIXTURES ?? DEFAULT_FIXTURES_DIR;

BeforeAll(async function () {
  space = await startTrustSpace({
    fixturesDir: FIXTURES_DIR,
    host: '127.0.0.1',
    submissionPort: 0,
    peerPort: 0,
    httpPort: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'mss-sim-cucumber-')),
  });
});

Before(function () {
  currentTrustSpace().reset();
});

AfterAll(async function () {
  await space?.stop();
  space = undefined;
});
