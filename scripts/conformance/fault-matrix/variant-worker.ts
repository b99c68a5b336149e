// One process of the faulty-variant matrix (fault-matrix.ts): loads the cucumber support code
// once, then runs the conformance scenarios once per variant given on the command line, each run
// with its own simulator (BeforeAll/AfterAll) and its own message file. Loading TypeScript and the
// steps costs more than the scenarios themselves, hence one load for several variants.
//   node --import tsx scripts/conformance/fault-matrix/variant-worker.ts <out dir> <fault> [<fault>…]
// Prints one line per variant: `variante <fault> <ndjson path>`.
import { loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import { join } from 'node:path';
import { Writable } from 'node:stream';

const [outDir, ...faults] = process.argv.slice(2);
if (outDir === undefined || faults.length === 0) {
  console.error('Usage : variant-worker.ts <dossier> <variante> [<variante>…]');
  process.exit(64);
}

// Attestation scenarios (@attestation) ask a person: the reference client and its variants cannot
// answer them (they are inapplicable), so the matrix leaves them out.
const { runConfiguration } = await loadConfiguration({ profiles: ['sansRapports'], provided: { tags: '@conformite and not @attestation' } });
// Each run must make its own client: the hooks read MSS_VARIANTE when a run starts.
process.env.MSS_CLIENT = 'reference';
let support = await loadSupport(runConfiguration);
for (const fault of faults) {
  process.env.MSS_VARIANTE = fault;
  const ndjsonPath = join(outDir, `${fault}.ndjson`);
  const result = await runCucumber({ ...runConfiguration, support, formats: { ...runConfiguration.formats, stdout: 'summary', files: { [ndjsonPath]: 'message' } } }, { stdout: devNull() });
  support = result.support;
  console.log(`variante ${fault} ${ndjsonPath}`);
}

/** The summary formatter writes here: the matrix reads the message files, not the prose. */
function devNull(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
