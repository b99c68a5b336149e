import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClientProfile } from './client-profile.ts';
import { parseConformanceArgs, type ConformanceOptions } from './conformance-options.ts';
import { CUCUMBER_PROFILE, planRun, PREBUILT_PROFILE } from './run-plan.ts';

const reference: ClientProfile = { driverKind: 'reference', variants: [], client: { name: 'Référence', version: '1' }, declaredCapabilities: ['reply'], capabilities: ['reply'], parallel: true };
const adapter: ClientProfile = { ...reference, driverKind: 'http', adapterUrl: 'http://127.0.0.1:8700/', client: { name: 'Logiciel X', version: '2' }, parallel: false };

function options(argv: string[]): ConformanceOptions {
  const command = parseConformanceArgs(argv, '/work');
  assert.equal(command.kind, 'run');
  return command.kind === 'run' ? command.options : (undefined as never);
}

test('cucumber runs with the project profile without reports, on @conformite and the user tags, writing only into the reports folder', () => {
  const plan = planRun(options(['--tags', '@req:MES-FIN-01 or @req:OFF-HPV-01', '--rapports', '/tmp/rapports']), reference, {});
  assert.equal(plan.tagExpression, '@conformite and (@req:MES-FIN-01 or @req:OFF-HPV-01)');
  assert.deepEqual(plan.args, [
    '--profile', 'sansRapports',
    '--tags', '@conformite and (@req:MES-FIN-01 or @req:OFF-HPV-01)',
    '--format', 'progress',
    '--format', 'html:"/tmp/rapports/conformite.html"',
    '--format', 'message:"/tmp/rapports/conformite.ndjson"',
    '--parallel', '2',
  ]);
  assert.equal(plan.files.summaryMarkdown, '/tmp/rapports/conformite-synthese.md');
  assert.equal(plan.files.coverageCsv, '/tmp/rapports/couverture-exigences.csv');
});

test('two workers by default for the reference client, one (in-process) for an adapter', () => {
  assert.equal(planRun(options([]), reference, {}).parallel, 2);
  const single = planRun(options(['--client', 'http://127.0.0.1:8700/']), adapter, {});
  assert.equal(single.parallel, 1);
  assert.ok(!single.args.includes('--parallel'));
  assert.equal(planRun(options(['--parallele', '3']), reference, {}).parallel, 3);
});

test('--parallele above 1 for a client that cannot play scenarios at once falls back to 1 with a warning', () => {
  const plan = planRun(options(['--client', 'http://127.0.0.1:8700/', '--parallel', '4']), adapter, {});
  assert.equal(plan.parallel, 1);
  assert.match(plan.warnings[0] ?? '', /Logiciel X.*--parallele 4 ramené à 1/);
});

test('the workers get the client from the command line only, and tsx', () => {
  const inherited = { PATH: '/usr/bin', MSS_VARIANTE: 're-fin-subject', MSS_FIXTURES: '/ailleurs', NODE_OPTIONS: '--max-old-space-size=512' };
  const plan = planRun(options(['--capacites', 'reply', '--donnees', 'mes-donnees']), reference, inherited);
  assert.deepEqual(plan.env, { PATH: '/usr/bin', MSS_CLIENT: 'reference', MSS_CAPACITES: 'reply', MSS_FIXTURES: '/work/mes-donnees', NODE_OPTIONS: '--max-old-space-size=512 --import tsx' });
  assert.equal(planRun(options([]), reference, { NODE_OPTIONS: '--import tsx' }).env.NODE_OPTIONS, '--import tsx');
});

test('with the support code built beforehand (test run), cucumber imports that file without tsx, source maps on', () => {
  const plan = planRun(options(['--parallele', '1']), reference, { NODE_OPTIONS: '--max-old-space-size=512' }, '/tmp/construit/cucumber-support.mjs');
  assert.deepEqual(plan.args.slice(0, 4), ['--profile', PREBUILT_PROFILE, '--import', '/tmp/construit/cucumber-support.mjs']);
  assert.equal(plan.env.NODE_OPTIONS, '--max-old-space-size=512 --enable-source-maps');
});

test('the profile for built support code is the run profile without its import list', async () => {
  const profiles = (await import(new URL('../../../cucumber.js', import.meta.url).href)) as Record<string, Record<string, unknown>>;
  const { import: imports, ...rest } = profiles[PREBUILT_PROFILE] ?? {};
  const { import: runImports, ...runRest } = profiles[CUCUMBER_PROFILE] ?? {};
  assert.deepEqual(imports, []);
  assert.ok(Array.isArray(runImports) && runImports.length > 0);
  assert.deepEqual(rest, runRest);
});

test('the cucumber.js profile the run uses is the default one without its report files (reports/cucumber.* left alone)', async () => {
  // A computed specifier: cucumber.js is plain JavaScript, outside the type check.
  const configuration = new URL('../../../cucumber.js', import.meta.url).href;
  const profiles = (await import(configuration)) as Record<string, Record<string, unknown>>;
  const { format, ...rest } = profiles[CUCUMBER_PROFILE] ?? {};
  const { format: defaultFormat, ...defaultRest } = profiles.default ?? {};
  assert.deepEqual(format, []);
  assert.ok(Array.isArray(defaultFormat) && defaultFormat.some((f) => String(f).startsWith('message:reports/')), 'the default profile writes reports/cucumber.*');
  assert.deepEqual(rest, defaultRest);
});
