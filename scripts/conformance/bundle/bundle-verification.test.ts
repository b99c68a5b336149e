import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import type { ClientProfile } from '../cli/client-profile.ts';
import { buildSummary } from '../cli/conformance-summary.ts';
import { judgeRun } from '../cli/conformance-verdict.ts';
import { reportFiles } from '../cli/run-plan.ts';
import type { ScenarioResult } from '../cli/scenario-verdicts.ts';
import { verifyBundle } from './bundle-verification.ts';
import { writeBundle } from './write-bundle.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'preuves-'));
after(() => rmSync(work, { recursive: true, force: true }));

const pem = (kind: 'private' | 'public', pair: ReturnType<typeof generateKeyPairSync>) => (kind === 'private' ? pair.privateKey : pair.publicKey).export({ type: kind === 'private' ? 'pkcs8' : 'spki', format: 'pem' }).toString();
const signer = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');

const client: ClientProfile = { driverKind: 'reference', variants: [], client: { name: 'Réf', version: '1' }, declaredCapabilities: [], capabilities: [], parallel: true };
const scenarios: ScenarioResult[] = [{ uri: 'f/cloture.feature', line: 14, name: 'clôture', requirementIds: ['MES-FIN-01'], verdict: 'réussi', motif: 'ok', missingCapabilities: [] }];

function bundle(name: string, signed: boolean): Record<string, Uint8Array> {
  const reports = reportFiles(join(work, name));
  mkdirSync(join(work, name), { recursive: true });
  writeFileSync(reports.summaryJson, '{"verdict":"Conforme"}\n');
  writeFileSync(reports.report, '<!DOCTYPE html><p>Conforme</p>\n');
  const summary = buildSummary(judgeRun(scenarios, []), scenarios, client, { name: 's', version: '1' }, { startedAt: new Date(0), durationMs: 1, tagExpression: '@conformite', parallel: 1 });
  const details = new Map([['f/cloture.feature:14', { capabilities: [], durationMs: 1, steps: [], attachments: [{ fileName: 'message-transmis-t-1.eml', mediaType: 'message/rfc822', bytes: Buffer.from('Subject: [FIN]\r\n\r\nx') }] }]]);
  writeBundle({ root: ROOT, summary, reports, details, ...(signed ? { signingKeyPem: pem('private', signer) } : {}) }, reports.bundle);
  return unzipSync(readFileSync(reports.bundle));
}

const check = (entries: Record<string, Uint8Array>, expectedKey?: string) => verifyBundle(zipSync(entries), expectedKey);

test('a fresh signed bundle holds: every file hashed, the manifest signed, the expected key', () => {
  const entries = bundle('signee', true);
  assert.deepEqual(Object.keys(entries).sort(), ['manifest.json', 'preuves/f-cloture-feature-14/message-transmis-t-1.eml', 'rapports/conformite-rapport.html', 'rapports/conformite-synthese.json', 'signature.json']);
  const findings = check(entries, pem('public', signer));
  assert.deepEqual([findings.problems, findings.notices, findings.checkedFiles], [[], [], 3]);
  const manifest = JSON.parse(Buffer.from(entries['manifest.json'] ?? []).toString('utf8')) as { requirements: unknown; tools: { node: string; dependencies: Record<string, string> } };
  assert.deepEqual(manifest.requirements, [{ id: 'MES-FIN-01', level: null, verdictCode: 'reussi', verdict: 'réussi' }]);
  assert.equal(manifest.tools.node, process.version);
  assert.match(manifest.tools.dependencies['fflate'] ?? '', /^\d+\.\d+\.\d+$/);
});

test('one byte changed, a file removed or added: verification names the file', () => {
  const entries = bundle('alteree', true);
  const eml = 'preuves/f-cloture-feature-14/message-transmis-t-1.eml';
  const changed = Uint8Array.from(entries[eml] ?? []);
  changed[9] = (changed[9] ?? 0) ^ 1;
  assert.match(check({ ...entries, [eml]: changed }).problems.join('\n'), /^Fichier modifié : preuves\/f-cloture-feature-14\/message-transmis-t-1\.eml \(SHA-256 attendu [0-9a-f]{64}, trouvé [0-9a-f]{64}\)\.$/);
  const { ['rapports/conformite-rapport.html']: _removed, ...rest } = entries;
  assert.deepEqual(check(rest).problems, ['Fichier manquant : rapports/conformite-rapport.html (listé dans le manifeste).']);
  assert.deepEqual(check({ ...entries, 'preuves/ajout.txt': new Uint8Array([1]) }).problems, ['Fichier ajouté hors manifeste : preuves/ajout.txt.']);
});

test('an altered manifest breaks the signature; a signature by another key is refused', () => {
  const entries = bundle('manifeste', true);
  const manifest = Buffer.from(entries['manifest.json'] ?? []).toString('utf8').replace('"verdictCode": "reussi"', '"verdictCode": "echoue"');
  assert.match(check({ ...entries, 'manifest.json': Buffer.from(manifest) }).problems.join('\n'), /^Signature invalide : manifest\.json a été modifié après la signature/);
  const signature = JSON.parse(Buffer.from(entries['signature.json'] ?? []).toString('utf8')) as Record<string, string>;
  const swapped = Buffer.from(JSON.stringify({ ...signature, publicKey: pem('public', stranger) }));
  assert.match(check({ ...entries, 'signature.json': swapped }).problems.join('\n'), /^Signature invalide/);
  assert.deepEqual(check(entries, pem('public', stranger)).problems, ["Clé de signature inattendue : l'archive est signée par une autre clé que celle donnée avec --cle-publique."]);
});

test('an unsigned bundle holds with a notice, unless a key is expected', () => {
  const entries = bundle('non-signee', false);
  const findings = check(entries);
  assert.deepEqual(findings.problems, []);
  assert.match(findings.notices.join(''), /Archive non signée/);
  assert.match(check(entries, pem('public', signer)).problems.join(''), /Signature absente/);
  assert.match(verifyBundle(new Uint8Array([1, 2, 3])).problems.join(''), /L'archive est illisible/);
});
