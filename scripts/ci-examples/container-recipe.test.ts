// The container recipe is not built here (no image registry is reachable), so it is checked
// statically: Node 20 on Debian bookworm with Debian's Chromium headless shell, and its RUN and CMD lines only
// run what the tests already run (npm ci, npm scripts of package.json) besides installing the
// Debian packages. The compose example's commands are checked the same way, and their options
// are parsed by the real option parsers, so that a renamed option breaks this test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseStartOptions } from '../../simulator/public-api.ts';
import { parseConformanceArgs } from '../conformance/cli/conformance-options.ts';
import { ROOT } from './ci-job-runner.ts';
import { parseYamlSubset } from './yaml-subset.ts';

const SCRIPTS = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const DEBIAN_PACKAGES = ['chromium-headless-shell', 'python3', 'ca-certificates'];
/** Run by steps/drivers/protocol/python-adapter/python-adapter.test.ts. */
const PYTHON_ADAPTER = 'steps/drivers/protocol/python-adapter/adapter.py';

/** Why `command` is not allowed, or undefined when it is. */
function refusal(command: string): string | undefined {
  const words = command.trim().split(/\s+/);
  const [program, sub, script] = words;
  if (program === 'npm') {
    if (sub === 'ci' && words.slice(2).every((w) => w.startsWith('--'))) return undefined;
    if ((sub === 'test' || sub === 'start') && SCRIPTS.includes(sub)) return undefined;
    if (sub === 'run' && script !== undefined && SCRIPTS.includes(script)) return undefined;
    return `npm ${sub ?? ''} is not a script of package.json`;
  }
  if (program === 'apt-get' && sub === 'update' && words.length === 2) return undefined;
  if (program === 'apt-get' && sub === 'install') {
    const packages = words.slice(2).filter((w) => !w.startsWith('-'));
    return packages.every((p) => DEBIAN_PACKAGES.includes(p)) ? undefined : `unexpected Debian packages: ${packages.join(' ')}`;
  }
  if (command.trim() === 'rm -rf /var/lib/apt/lists/*') return undefined;
  if (program === 'python3' && sub === PYTHON_ADAPTER) return undefined;
  return `not a command the tests run: ${command}`;
}

function instructions(containerfile: string): { keyword: string; argument: string }[] {
  return containerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.trim().split(/\s+/);
      return { keyword: keyword.toUpperCase(), argument: rest.join(' ') };
    });
}

/** Exec form (JSON array) or shell form split on && ; ||. */
const commandsOf = (argument: string): string[] => (argument.startsWith('[') ? [(JSON.parse(argument) as string[]).join(' ')] : argument.split(/&&|\|\||;/));

test('the Containerfile: Node 20 on Debian bookworm, the Debian Chromium headless shell, only commands the tests run', () => {
  const steps = instructions(readFileSync(join(ROOT, 'Containerfile'), 'utf8'));
  assert.deepEqual(steps.filter((s) => s.keyword === 'FROM').map((s) => s.argument), ['node:20-bookworm-slim']);
  const run = steps.filter((s) => ['RUN', 'CMD', 'ENTRYPOINT'].includes(s.keyword)).flatMap((s) => commandsOf(s.argument));
  assert.ok(run.some((c) => /apt-get install .*\bchromium-headless-shell\b/.test(c)), "Debian's Chromium headless shell is installed");
  assert.ok(run.some((c) => c.trim().startsWith('npm ci')));
  assert.deepEqual(run.map(refusal).filter(Boolean), []);
});

test('the static check refuses what the tests do not run', () => {
  assert.match(refusal('curl https://exemple.test/installer.sh') ?? '', /not a command the tests run/);
  assert.match(refusal('npm run inexistant') ?? '', /not a script of package.json/);
  assert.match(refusal('apt-get install -y firefox-esr') ?? '', /unexpected Debian packages: firefox-esr/);
  assert.equal(refusal('npm run conformite -- --tranche 1/2'), undefined);
});

test('compose: the simulator listens beyond loopback and announces its service name; the harness reaches the adapter by its name', () => {
  const compose = parseYamlSubset(readFileSync(join(ROOT, 'ci-examples/compose.yaml'), 'utf8')) as { services: Record<string, { command: string[]; build: { dockerfile: string } }> };
  const { simulateur, adaptateur, banc } = compose.services;
  assert.ok(simulateur && adaptateur && banc, 'services simulateur, adaptateur and banc');
  for (const service of [simulateur, adaptateur, banc]) {
    assert.equal(service.build.dockerfile, 'Containerfile');
    assert.equal(refusal(service.command.join(' ')), undefined);
  }
  const start = parseStartOptions(simulateur.command.slice(simulateur.command.indexOf('--') + 1));
  assert.equal(start.host, '0.0.0.0');
  assert.deepEqual(start.hostNames, ['simulateur']);
  assert.equal(start.announcedHost, 'simulateur');
  assert.ok(start.actionToken, '--jeton is given');
  const [, , adapterPort, adapterHost] = adaptateur.command;
  assert.equal(adapterHost, '0.0.0.0');
  const campaign = parseConformanceArgs(banc.command.slice(banc.command.indexOf('--') + 1), ROOT);
  assert.equal(campaign.kind, 'run');
  if (campaign.kind !== 'run') return;
  assert.deepEqual(campaign.options.choice.driver, { kind: 'http', baseUrl: `http://adaptateur:${adapterPort}/` });
  assert.deepEqual([campaign.options.env.MSS_ECOUTE, campaign.options.env.MSS_ANNONCER_HOTE], ['0.0.0.0', 'banc']);
});
