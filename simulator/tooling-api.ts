// The dependency-light part of the public entry: what the test tooling (scripts/run-tests.ts, the
// prebuilt entries, the faulty-variant matrix's coordinator) and the conformance command read
// before any simulator code is needed — how to start the simulator's commands, the names of the
// reference client's faults, and the small checks and wordings of the command lines. Every module
// behind it loads only Node's own modules (scripts/conformance/cli/start-weight.test.ts says so), where
// simulator/public-api.ts, which re-exports all of it, loads the whole simulator (about 2 s of CPU
// at each start). The layering test (simulator/layering.test.ts) accepts both entries.
export { commandEnv, CUCUMBER_SUPPORT_BUILD, nodeEntryArgs, PREBUILT_DIR_ENV, prebuiltCucumberSupport, prebuiltFileName } from './cli/node-entry.ts';
export { CONNECTION_FAULTS, REFERENCE_FAULTS, isReferenceFault, type ConnectionFault, type ReferenceFault } from './reference-client/reference-fault.ts';
export { REFERENCE_CLIENT, referenceCapabilities } from './reference-client/reference-capabilities.ts';
export { START_DEFAULTS } from './cli/start-defaults.ts';
export { isHostName } from './cli/host-name.ts';
export { frenchParseError } from './cli/french-parse-error.ts';
export { versionLine } from './cli/package-version.ts';
export { descendants, isAlive, signalTree } from './cli/process-tree.ts';
export { awaitOutput } from './cli/testing/await-output.ts';
export { CHROMIUM_LAUNCH } from './web/ui/e2e/chromium-launch.ts';
export { describeAjvErrors, type AjvProblem, type AjvProblemOptions } from './validation/ajv-problems.ts';
export { JSON_MAX_DEPTH, describeJsonRefusal, readBoundedJson } from './validation/bounded-json.ts';
export { quoted } from './validation/quoted-value.ts';
