// One process of the faulty-variant matrix (fault-matrix.ts): loads the cucumber support code
// once, then runs the conformance scenarios once per job read on its standard input, each run
// with its own simulator (BeforeAll/AfterAll) and its own message file. Loading TypeScript and the
// steps costs more than the scenarios themselves, hence one load for many runs.
//   node --import tsx scripts/conformance/fault-matrix/variant-worker.ts <out dir>
// A job is one JSON line (variant-job.ts): a variant (or the correct client, with the fault
// probe on), and the names of the scenarios to run (all when absent). Answers one line per job:
// `variante <name> <ndjson path>`.
import { loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { prebuiltCucumberSupport } from '../../../simulator/public-api.ts';
import { startFaultProbe, stopFaultProbe } from '../../../steps/conformance/support/fault-probe.ts';
import { CUCUMBER_PROFILE, PREBUILT_PROFILE } from '../cli/run-plan.ts';
import { exactNamePattern, parseVariantJob, REFERENCE_JOB, reachFile } from './variant-job.ts';

const [outDir] = process.argv.slice(2);
if (outDir === undefined) {
  console.error('Usage : variant-worker.ts <dossier> (une tâche JSON par ligne sur l\'entrée standard)');
  process.exit(64);
}

// Attestation scenarios (@attestation) ask a person: the reference client and its variants cannot
// answer them (they are inapplicable), so the matrix leaves them out.
// Under the test run the support code comes built (simulator/cli/node-entry.ts); this worker is then
// built with it, sharing its modules (one fault probe).
const prebuilt = prebuiltCucumberSupport();
const { runConfiguration } = await loadConfiguration(prebuilt === undefined
  ? { profiles: [CUCUMBER_PROFILE], provided: { tags: '@conformite and not @attestation' } }
  : { profiles: [PREBUILT_PROFILE], provided: { tags: '@conformite and not @attestation', import: [prebuilt] } });
// Each run must make its own client: the hooks read MSS_VARIANTE when a run starts.
process.env.MSS_CLIENT = 'reference';
let support = await loadSupport(runConfiguration);
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  const job = parseVariantJob(line);
  const reference = job.variant === REFERENCE_JOB;
  process.env.MSS_VARIANTE = reference ? '' : job.variant;
  const ndjsonPath = join(outDir, `${job.variant}.ndjson`);
  const sources = job.scenarios ? { ...runConfiguration.sources, names: job.scenarios.map(exactNamePattern) } : runConfiguration.sources;
  const reach = reference ? startFaultProbe() : undefined;
  try {
    const result = await runCucumber({ ...runConfiguration, sources, support, formats: { ...runConfiguration.formats, stdout: 'summary', files: { [ndjsonPath]: 'message' } } }, { stdout: devNull() });
    support = result.support;
  } finally {
    stopFaultProbe();
  }
  if (reach) writeFileSync(reachFile(outDir), JSON.stringify(Object.fromEntries([...reach].map(([scenario, faults]) => [scenario, [...faults].sort()])), null, 2));
  console.log(`variante ${job.variant} ${ndjsonPath}`);
}

/** The summary formatter writes here: the matrix reads the message files, not the prose. */
function devNull(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
