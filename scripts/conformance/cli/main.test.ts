// End to end: the `conformite` command on one scenario (MES-FIN-01, « [FIN] »), with the
// reference client (conforme), its `re-fin-subject` variant (non conforme, with the motif), an
// unreachable adapter (setup error, nothing run) and a usage error. Runs concurrently, each in
// its own reports folder, to stay within ~30 s on a 2-core machine.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { commandEnv, nodeEntryArgs, signalTree } from '../../../simulator/tooling-api.ts';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ConformanceSummary } from './conformance-summary.ts';
import { summarySchemaProblems } from './summary-schema.ts';
import { runBundleCommand } from './bundle-commands.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TIME_LIMIT_MS = 120_000;
const work = mkdtempSync(join(tmpdir(), 'conformite-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface CliRun { readonly code: number | null; readonly stdout: string; readonly stderr: string }

function conformite(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = commandEnv();
    const child = spawn(process.execPath, [...nodeEntryArgs(MAIN), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      signalTree(child.pid ?? 0, 'SIGKILL'); // cucumber too
      reject(new Error(`conformite ${args.join(' ')} still running after ${TIME_LIMIT_MS} ms\n${stdout}\n${stderr}`));
    }, TIME_LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const reportsOf = (name: string) => join(work, name);
const keys = generateKeyPairSync('ed25519');
const privateKey = join(work, 'cle.pem');
const publicKey = join(work, 'cle-publique.pem');
writeFileSync(privateKey, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(publicKey, keys.publicKey.export({ type: 'spki', format: 'pem' }));
const narrow = (name: string, ...more: string[]) => ['--tags', '@req:MES-FIN-01', '--parallele', '1', '--rapports', reportsOf(name), ...more];
const runs = Promise.all([
  conformite(narrow('reference')),
  conformite(narrow('variante', '--variante', 're-fin-subject', '--cle-signature', privateKey)),
  conformite(['--client', 'http://127.0.0.1:9', '--rapports', reportsOf('injoignable')]),
  conformite(['--client', 'thunderbird', '--parallele', 'deux', '--rapports', reportsOf('usage')]),
  conformite(['--cle-signature', publicKey, '--rapports', reportsOf('cle')]),
]);

function summaryOf(name: string): ConformanceSummary {
  return JSON.parse(readFileSync(join(reportsOf(name), 'conformite-synthese.json'), 'utf8')) as ConformanceSummary;
}

test('the reference client is conforme: exit 0 and every report written in the reports folder', async () => {
  const [run] = await runs;
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.deepEqual(readdirSync(reportsOf('reference')).sort(), ['conformite-preuves.zip', 'conformite-rapport.html', 'conformite-synthese.json', 'conformite-synthese.md', 'conformite.html', 'conformite.junit.xml', 'conformite.ndjson', 'couverture-exigences.csv']);
  const summary = summaryOf('reference');
  assert.equal(summary.verdict, 'Conforme');
  assert.equal(summary.verdictCode, 'conforme');
  assert.deepEqual(summarySchemaProblems(summary), []);
  assert.equal(summary.client.driverKind, 'reference');
  assert.deepEqual(summary.requirements.map((r) => [r.id, r.level, r.verdict]), [['MES-FIN-01', 'DOIT', 'réussi']]);
  assert.deepEqual(summary.counts.scenarios, { réussi: 1, échoué: 0, inapplicable: 0, 'erreur de mise en place': 0 });
  assert.match(readFileSync(join(reportsOf('reference'), 'conformite.html'), 'utf8'), /<html/i);
  assert.match(readFileSync(join(reportsOf('reference'), 'conformite.junit.xml'), 'utf8'), /<testsuite/);
  assert.match(readFileSync(join(reportsOf('reference'), 'couverture-exigences.csv'), 'utf8'), /^MES-FIN-01;DOIT;\d+;1;0;/m);
  assert.match(run.stdout, /Verdict : Conforme/);
  assert.match(run.stdout, /Durée de la suite : [\d,]+ (s|ms|min)/);
});

test('the re-fin-subject variant is non conforme: exit 1, the failure and its motif in the summary', async () => {
  const [, run] = await runs;
  assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
  const summary = summaryOf('variante');
  assert.equal(summary.verdict, 'Non conforme');
  assert.equal(summary.verdictCode, 'non-conforme');
  assert.deepEqual(summarySchemaProblems(summary), []);
  assert.match(readFileSync(join(reportsOf('variante'), 'conformite-rapport.html'), 'utf8'), /<p class="libelle">Non conforme<\/p>/);
  assert.deepEqual(summary.client.variants, ['re-fin-subject']);
  const failed = summary.scenarios.filter((s) => s.verdict === 'échoué');
  assert.equal(failed.length, 1);
  assert.match(failed[0]?.motif ?? '', /RE: \[FIN\]/);
  const markdown = readFileSync(join(reportsOf('variante'), 'conformite-synthese.md'), 'utf8');
  assert.match(markdown, /\*\*Verdict global : Non conforme\*\*/);
  assert.match(markdown, /## Échecs\n\n- .*MES-FIN-01.*RE: \[FIN\]/);
  assert.match(run.stdout, /échoué : .*\(MES-FIN-01\) : .*RE: \[FIN\]/);
});

test('an unreachable adapter is a setup error: exit 78, French message, nothing run', async () => {
  const [, , run] = await runs;
  assert.equal(run.code, 78, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, /Erreur de mise en place : opération « capabilities » .*127\.0\.0\.1:9/);
  assert.match(run.stderr, /Aucun scénario n'a été joué/);
  assert.equal(existsSync(reportsOf('injoignable')), false);
});

test('a wrong command line: exit 64 with every problem in French, nothing run', async () => {
  const [, , , run] = await runs;
  assert.equal(run.code, 64, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, /--parallele « deux » invalide/);
  assert.match(run.stderr, /Client « thunderbird » inconnu/);
  assert.equal(existsSync(reportsOf('usage')), false);
});

test('the evidence bundles: each run\'s verifies; comparing the passing run with the failing one reports the regression, exit 1', async () => {
  await runs;
  const out: string[] = [];
  const bundleOf = (name: string) => join(reportsOf(name), 'conformite-preuves.zip');
  assert.equal(runBundleCommand(['verifier', bundleOf('reference')], (l) => out.push(l), (l) => out.push(l)), 0, out.join('\n'));
  assert.match(out.join('\n'), /Dossier de preuve valide : .* fichier\(s\) conformes au manifeste/);
  out.length = 0;
  assert.equal(runBundleCommand(['comparer', bundleOf('reference'), bundleOf('variante')], (l) => out.push(l), (l) => out.push(l)), 1, out.join('\n'));
  assert.ok(out.includes('  MES-FIN-01 : réussi → échoué'), out.join('\n'));
  out.length = 0;
  assert.equal(runBundleCommand(['comparer', bundleOf('variante'), bundleOf('reference')], (l) => out.push(l), (l) => out.push(l)), 0, out.join('\n'));
  assert.match(out.join('\n'), /Améliorations \(1\)/);
  out.length = 0;
  assert.equal(runBundleCommand(['verifier', bundleOf('variante'), '--cle-publique', publicKey], (l) => out.push(l), (l) => out.push(l)), 0, out.join('\n'));
  assert.match(out.join('\n'), /signature valide/);
  assert.equal(runBundleCommand(['comparer', bundleOf('reference')], () => undefined, () => undefined), 64);
});

test('a signing key that is not an Ed25519 private key: exit 64 before anything runs', async () => {
  const [, , , , run] = await runs;
  assert.equal(run.code, 64, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, /--cle-signature .*cle-publique\.pem : clé de signature illisible/);
  assert.equal(existsSync(reportsOf('cle')), false);
});
