// cucumber-js configuration. Run through `npm test` (scripts/run-tests.ts), which sets
// NODE_OPTIONS='--import tsx' so that step files are TypeScript (the `loader` option fails).
export default {
  paths: ['features/**/*.feature'],
  import: ['steps/support/**/*.ts', 'steps/**/*.steps.ts'],
  format: ['progress', 'html:reports/cucumber.html', 'message:reports/cucumber.ndjson', 'junit:reports/cucumber.junit.xml'],
  formatOptions: { snippetInterface: 'async-await' },
  language: 'fr',
  strict: true,
};
