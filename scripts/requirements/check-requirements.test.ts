import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { nodeEntryArgs } from '../../simulator/public-api.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const CLI = join(ROOT, 'scripts', 'requirements', 'check-requirements.ts');
const cli = (args: readonly string[]) => spawnSync(process.execPath, [...nodeEntryArgs(CLI), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

test('the CLI exits 1 with French errors on a register with an unknown level, 0 on the real one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exigences-cli-'));
  try {
    const register = join(dir, 'exigences.csv');
    writeFileSync(register, 'id;source;niveau;texte;motif_non_teste\nMES-FIN-01;REG-FIN-01;OBLIGATOIRE;Texte.;\n');
    const failing = cli(['--register', register]);
    assert.equal(failing.status, 1);
    assert.match(failing.stderr, /exigences\.csv:2 : niveau « OBLIGATOIRE » inconnu : utilisez DOIT, DEVRAIT, PEUT\./);
    assert.match(failing.stderr, /exigence « MES-NDR-01 » inconnue du registre/);
    const passing = cli([]);
    assert.equal(passing.status, 0, passing.stderr);
    assert.match(passing.stdout, /Registre des exigences conforme\.\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI exits 64 on an unknown option and 78 on a missing run file', () => {
  const usage = cli(['--inconnu']);
  assert.equal(usage.status, 64);
  assert.match(usage.stderr, /Usage : check-requirements\.ts/);
  const missing = cli(['--run', 'reports/absent-pour-le-test.ndjson']);
  assert.equal(missing.status, 78);
  assert.match(missing.stderr, /absent-pour-le-test\.ndjson introuvable : vérifiez le chemin donné\. \(MSS_SIM_REQ_FILE_MISSING\)/);
});
