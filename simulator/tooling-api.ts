// The small part of the public entry that the test tooling reads before any simulator code runs
// (scripts/run-tests.ts, the prebuilt entries, the faulty-variant matrix's coordinator): how to
// start the simulator's commands, and the names of the reference client's faults. It loads these
// two small modules only, where simulator/public-api.ts, which re-exports both, loads the whole
// simulator (about 2 s of CPU). The layering test (simulator/layering.test.ts) accepts both entries.
export { commandEnv, CUCUMBER_SUPPORT_BUILD, nodeEntryArgs, PREBUILT_DIR_ENV, prebuiltCucumberSupport, prebuiltFileName } from './cli/node-entry.ts';
export { CONNECTION_FAULTS, REFERENCE_FAULTS, isReferenceFault, type ConnectionFault, type ReferenceFault } from './reference-client/reference-fault.ts';
