// The CLI as a person runs it: a real process, French output, exit codes (REG-DEC-05).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { nodeEntryArgs } from './node-entry.ts';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_FIXTURES_DIR } from '../services/fixture-loading/load-fixtures.ts';
import { freshProcessTempDir } from './process-temp-dir.ts';

const MAIN = new URL('./main.ts', import.meta.url).pathname;

function run(args: string[], until?: (out: string) => boolean): Promise<{ code: number | null; out: string; err: string; signalSent: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeEntryArgs(MAIN), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let signalSent = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until && !signalSent && until(out)) {
        signalSent = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, signalSent });
    });
  });
}

test('start writes the endpoints file once ready, prints the French banner, stops cleanly on SIGTERM and removes the file', async () => {
  const dir = freshProcessTempDir('mss-cli-');
  const endpointsFile = join(dir, 'ep.json');
  let written = '';
  // Read while it runs: the file is removed on exit.
  const ready = (out: string) => out.includes('Ctrl+C') && (written = readFileSync(endpointsFile, 'utf8')) !== '';
  const result = await run(['start', '--submission-port', '0', '--peer-port', '0', '--http-port', '0', '--data-dir', dir, '--endpoints-file', endpointsFile], ready);
  assert.equal(result.signalSent, true, result.err);
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /SMTP soumission \(clients\) +127\.0\.0\.1:\d+ +STARTTLS obligatoire/);
  assert.match(result.out, /SIGTERM reçu : arrêt propre en cours…\nSimulateur arrêté\./);
  assert.equal(existsSync(endpointsFile), false, 'the endpoints file is removed on exit');
  const endpoints = JSON.parse(written);
  assert.equal(endpoints.submission.tls, 'starttls');
  assert.equal(endpoints.peer.tls, 'starttls-optional');
  assert.match(endpoints.controlApi.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api$/);
  assert.equal(endpoints.caCertificate.path, join(dir, 'pki', 'ca.crt.pem'));
  assert.ok(existsSync(endpoints.caCertificate.path));
  assert.deepEqual(endpoints.demoMailboxes.find((m: { persona: string }) => m.persona === 'Dr Paul Martin'), {
    persona: 'Dr Paul Martin', role: 'médecin hospitalier, cardiologue au centre hospitalier de Valbrume', address: 'paul.martin@ch-valbrume.mssante.fr', type: 'PER', password: 'test-paul-martin',
  });
});

test('with the token required, the banner prints it with the UI link, and --lecture-publique prints its French warning', async () => {
  const dir = freshProcessTempDir('mss-cli-token-');
  const ports = ['--submission-port', '0', '--peer-port', '0', '--http-port', '0', '--imap-port', '0', '--imaps-port', '0', '--data-dir', dir];
  const result = await run(['start', ...ports, '--exiger-jeton', '--jeton', 'jeton-de-formation-2025', '--lecture-publique'], (out) => out.includes('Les actions exigent toujours le jeton.'));
  assert.equal(result.signalSent, true, result.err);
  assert.match(result.out, /Jeton d'accès +jeton-de-formation-2025 .*lien direct : http:\/\/127\.0\.0\.1:\d+\/#jeton=jeton-de-formation-2025\)/);
  assert.match(result.out, /Attention : --lecture-publique : sans jeton, tout le réseau peut lire les messages des patients/);
});

test('start on invalid fixtures exits 78 and lists the problems', async () => {
  const dir = freshProcessTempDir('mss-cli-fixtures-');
  cpSync(DEFAULT_FIXTURES_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'patients.json'), '{ "patients": [ ');
  const result = await run(['start', '--fixtures', dir, '--data-dir', dir]);
  assert.equal(result.code, 78);
  assert.match(result.err, /Le jeu de données « .* » est invalide \(1 problème\)/);
  assert.match(result.err, /patients\.json/);
});

test('a fixture nested 100,000 levels, or in Latin-1, exits 78 with a French message naming the file, not 70 with a stack trace', async () => {
  const dir = freshProcessTempDir('mss-cli-bounds-');
  cpSync(DEFAULT_FIXTURES_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'patients.json'), '{ "patients": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ' }');
  const deepStart = await run(['start', '--fixtures', dir, '--data-dir', dir, '--submission-port', '0', '--peer-port', '0', '--http-port', '0', '--imap-port', '0', '--imaps-port', '0']);
  assert.equal(deepStart.code, 78, deepStart.err);
  assert.match(deepStart.err, /patients\.json:\/patients\/0\/0.* — JSON trop imbriqué : plus de 64 niveaux/);
  assert.doesNotMatch(deepStart.err, /RangeError|at .*\.ts:\d+/);
  const deepCheck = await run(['check-fixtures', dir]);
  assert.equal(deepCheck.code, 78, deepCheck.err);
  assert.match(deepCheck.out, /patients\.json:\/patients\/0\/0.* — JSON trop imbriqué/);
  const patients = readFileSync(join(DEFAULT_FIXTURES_DIR, 'patients.json'), 'utf8'); // « Gérard », etc.
  const offset = [...patients].findIndex((char) => char > '\u007f'); // in Latin-1, one byte per character
  assert.ok(offset > 0);
  writeFileSync(join(dir, 'patients.json'), Buffer.from(patients, 'latin1'));
  const latin1 = await run(['check-fixtures', dir]);
  assert.equal(latin1.code, 78, latin1.err);
  assert.match(latin1.out, new RegExp(`^patients\\.json:/ — texte non encodé en UTF-8 : séquence d'octets invalide à l'octet ${offset} \\(correctif : enregistrez le document en UTF-8`, 'm'));
});

test('check-fixtures on the default folder exits 0; an unknown command exits 64 with the usage', async () => {
  const [ok, unknown] = await Promise.all([run(['check-fixtures']), run(['demarrer'])]);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /Jeu de données valide/);
  assert.equal(unknown.code, 64);
  assert.match(unknown.err, /Commande inconnue « demarrer »/);
});

test('--help and --version answer in French; an unknown option of start is refused in French with exit 64', async () => {
  // All at once: none of them loads the simulator (main.ts loads it for a real start only).
  const [help, version, startVersion, unknown, noRoom] = await Promise.all([run(['start', '--help']), run(['--version']), run(['start', '-V']), run(['start', '--inconnue']), run(['start', '--max-messages', '0'])]);
  assert.equal(help.code, 0, help.err);
  assert.match(help.out, /^Usage : simulateur start \[options\]/);
  assert.match(help.out, /--endpoints-file FICHIER/);
  assert.equal(version.code, 0);
  assert.match(version.out, /^simulateur \(mssante-simulateur\) version \d+\.\d+\.\d+/);
  assert.equal(startVersion.out, version.out);
  assert.equal(unknown.code, 64);
  assert.match(unknown.err, /^Option inconnue --inconnue : voyez --help\.\nUsage : simulateur start/);
  assert.equal(noRoom.code, 64);
  assert.match(noRoom.err, /--max-messages attend un nombre entier de messages, au moins 1, reçu « 0 »/);
  assert.match(help.out, /--max-messages N/);
});
