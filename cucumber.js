// cucumber-js configuration. Run through `npm test` (scripts/run-tests.ts), which sets
// NODE_OPTIONS='--import tsx' so that step files are TypeScript (the `loader` option fails).
// Profiles: `default` (every scenario, reports/cucumber.*; `rapportsPrecompile`, the same with the
// support code given by --import, as npm test runs it), `sans-rapports` (no report
// files: callers such as the faulty-variant matrix and `npm run conformite` give their own --format),
// `sansRapportsPrecompile` (the same, support code given by --import).
// Test files beside the support code (`*.test.ts`) are node:test files, never loaded by cucumber.
const common = {
  paths: ['features/**/*.feature'],
  import: ['steps/support/**/!(*.test).ts', 'steps/conformance/conformance.hooks.ts', 'steps/**/*.steps.ts'],
  formatOptions: { snippetInterface: 'async-await' },
  language: 'fr',
  strict: true,
};

const withReports = {
  ...common,
  format: ['progress', 'html:reports/cucumber.html', 'message:reports/cucumber.ndjson', 'junit:reports/cucumber.junit.xml'],
};

export default withReports;

// `default` without the support files: npm test's scenario stage gives them built into one file
// (--import, scripts/test-run/prebuilt-entries.ts), which loads without tsx.
export const rapportsPrecompile = { ...withReports, import: [] };

export const sansRapports = { ...common, format: [] };

// `sansRapports` without the support files: under the test run, the conformance command gives
// them built into one file (--import, scripts/test-run/prebuilt-entries.ts), which loads faster.
export const sansRapportsPrecompile = { ...common, import: [], format: [] };
