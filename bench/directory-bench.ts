// `npm run bench:directory`: latency (p50/p99) and requests/s of the simulated Annuaire Santé on
// a synthetic directory of 100,000 practitioners and 20,000 organisations
// (target: p99 ≤ 1.5 × a bare Node server answering the same bytes, same run, 50 concurrent
// requests). The directory runs in its own process behind the simulator's HTTP server
// (http-server.ts, the direct search route and the msw fallback, as in production); this process
// sends `mailbox-mss:contains` and name + postal-code searches, each query once; then, scenario
// by scenario, the same queries a second time (answers already built) right before the same
// queries against the bare server (bare-replay-server.ts, warmed up by a recording pass), and
// prints the p99 ratios.
// Usage: npm run bench:directory -- [--requests N] [--concurrency C] [--practitioners P] [--organisations O]
//   [--cpu-prof DIR] (profile of the directory process, written when it stops)
//   [--node-option FLAG]… (a Node or V8 flag for the directory process, e.g. --trace-gc, --single-threaded-gc)
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startBareReplay } from './bare-replay-server.ts';
import { processCpuMs, processPeakRssMb } from './proc-stats.ts';

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    requests: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '50' },
    practitioners: { type: 'string', default: '100000' },
    organisations: { type: 'string', default: '20000' },
    'cpu-prof': { type: 'string' },
    'node-option': { type: 'string', multiple: true },
  },
});

const API_KEY = 'simulateur-annuaire-cle-de-test';

interface Ready {
  readonly port: number;
  /** The bare Node server answering the same bytes (bare-replay-server.ts). */
  readonly barePort: number;
  readonly buildMs: number;
  readonly contains: readonly string[];
  readonly namePostcode: readonly string[];
}

if (values.serve) await serve();
else await run();

/** Child process: the directory behind the real HTTP server, then one JSON line on stdout. */
async function serve(): Promise<void> {
  const { generateDirectory } = await import('../fixtures/generator/generate-directory.ts');
  const { createTrustSpaceView } = await import('../simulator/domain/create-trust-space-view.ts');
  const { createDirectoryService } = await import('../simulator/services/directory/create-directory-service.ts');
  const { startHttpServer } = await import('../simulator/web/http-server.ts');
  const data = generateDirectory({ practitioners: Number(values.practitioners), organisations: Number(values.organisations) });
  const view = createTrustSpaceView(data);
  const service = createDirectoryService({ view: () => view, apiKey: API_KEY, endpoints: () => ({ smtp: { host: '127.0.0.1', port: 25 } }) });
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [], fallback: service.fallback, direct: service.direct });
  const started = performance.now();
  // Builds the indexes the timed searches use, and the JSON of every Practitioner and Organization.
  for (const path of ['/fhir/v2/Practitioner?mailbox-mss:contains=abc', '/fhir/v2/Organization?name=a&address-postalcode=1', '/fhir/v2/Practitioner?_count=1', '/fhir/v2/Organization?_count=1']) {
    await service.fallback(new Request(`${server.baseUrl}${path}`, { headers: { 'ESANTE-API-KEY': API_KEY } }));
  }
  // One distinct query per request (no result cache hit): a surname part of a published PER
  // address; an organisation's first name word with its postal code.
  const count = Number(values.requests);
  const perMailbox = data.mailboxes.filter((m) => m.type === 'PER' && !m.redListed);
  const contains = Array.from({ length: count }, (_, i) => perMailbox[(i * 7919) % perMailbox.length]?.address.split('.')[1] ?? 'val');
  const namePostcode = Array.from({ length: count }, (_, i) => {
    const organisation = data.organisations[(i * 104729) % data.organisations.length];
    return `name=${encodeURIComponent(organisation?.name.split(' ')[0] ?? 'Pharmacie')}&address-postalcode=${organisation?.address.postalCode ?? '49'}`;
  });
  const bare = await startBareReplay('127.0.0.1', async (path) => {
    const answer = await fetch(`${server.baseUrl}${path}`, { headers: { 'ESANTE-API-KEY': API_KEY } });
    return { status: answer.status, contentType: answer.headers.get('content-type') ?? 'application/json', body: Buffer.from(await answer.arrayBuffer()) };
  });
  const ready: Ready = { port: server.port, barePort: bare.port, buildMs: Math.round(performance.now() - started), contains, namePostcode };
  console.log(JSON.stringify(ready));
  process.stdin.resume().on('end', () => void server.close().then(() => process.exit(0)));
}

async function run(): Promise<void> {
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
  for (const flag of values['node-option'] ?? []) profile.push(flag);
  const args = [...profile, '--import', 'tsx', 'bench/directory-bench.ts', '--serve', '--requests', values.requests, '--practitioners', values.practitioners, '--organisations', values.organisations];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const started = performance.now();
  const line = await new Promise<string>((resolve, reject) => {
    // The ready line is the JSON one; anything else the child prints (--node-option=--trace-gc) goes to stderr.
    createInterface({ input: child.stdout! }).on('line', (text) => (text.startsWith('{') ? resolve(text) : console.error(text)));
    child.once('exit', (code) => reject(new Error(`directory process exited with ${code}`)));
  });
  const ready = JSON.parse(line) as Ready;
  console.log(`Banc Annuaire Santé : ${values.practitioners} professionnels, ${values.organisations} structures ; prêt en ${((performance.now() - started) / 1000).toFixed(1)} s (index ${ready.buildMs} ms) ; ${values.requests} requêtes par scénario, ${values.concurrency} en parallèle`);
  try {
    const scenarios: [string, (i: number) => string][] = [
      ['mailbox-mss:contains', (i) => `/fhir/v2/Practitioner?mailbox-mss:contains=${encodeURIComponent(ready.contains[i % ready.contains.length] ?? 'val')}`],
      ['nom + code postal', (i) => `/fhir/v2/Organization?${ready.namePostcode[i % ready.namePostcode.length] ?? ''}`],
    ];
    const pid = child.pid ?? 0;
    // First pass: every query new, resources built on demand.
    const firsts = [];
    for (const [name, path] of scenarios) firsts.push(await scenario(`${name} (1er passage)`, path, ready.port, pid));
    // The reference, same run, same bytes: a first pass records each answer (its warm-up)…
    for (const [name, path] of scenarios) await scenario(`${name} (serveur nu, mise en place)`, path, ready.barePort, pid, true);
    // …then, scenario by scenario, the simulator's second pass (the same queries again) and the
    // bare server's timed pass one right after the other: a burst of load hits both alike.
    for (const [index, [name, path]] of scenarios.entries()) {
      const second = await scenario(`${name} (2e passage)`, path, ready.port, pid);
      const bare = await scenario(`${name} (serveur Node nu)`, path, ready.barePort, pid);
      const ratio = (p99: number) => (p99 / bare).toFixed(2).replace('.', ',');
      console.log(`  p99 / serveur nu : ${ratio(second)} × au 2e passage, ${ratio(firsts[index] ?? 0)} × au 1er passage (objectif ≤ 1,5 ×)`);
    }
    console.log(`mémoire maximale du serveur : ${processPeakRssMb(child.pid ?? 0).toFixed(0)} Mo`);
  } finally {
    // Ending stdin makes the child close its server and exit (writing its profile); SIGTERM after a bound.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGTERM'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Sends the requests, prints the line of figures (unless `quiet`); returns the p99 in ms. */
async function scenario(name: string, path: (i: number) => string, port: number, pid: number, quiet = false): Promise<number> {
  const total = Number(values.requests);
  const agent = new Agent({ keepAlive: true, maxSockets: Number(values.concurrency) });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let bytes = 0;
  const cpu0 = processCpuMs(pid);
  const t0 = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const sent = performance.now();
      const answer = await get(agent, port, path(i));
      latencies.push(performance.now() - sent);
      if (answer.status !== 200) errors += 1;
      bytes += answer.bytes;
    }
  };
  await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const p99 = at(0.99);
  if (quiet) return p99;
  console.log(
    `${name.padEnd(36)} p50 ${at(0.5).toFixed(1).padStart(6)} ms  p99 ${at(0.99).toFixed(1).padStart(6)} ms  max ${at(1).toFixed(1).padStart(6)} ms  ${(total / seconds).toFixed(0).padStart(6)} req/s  ` +
      `CPU serveur ${((processCpuMs(pid) - cpu0) / total).toFixed(2)} ms/req  ${(bytes / total / 1024).toFixed(1)} Kio/réponse  erreurs ${errors}`,
  );
  return p99;
}

function get(agent: Agent, port: number, path: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { 'ESANTE-API-KEY': API_KEY } }, (res) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => (size += chunk.length)).on('end', () => resolve({ status: res.statusCode ?? 0, bytes: size })).on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
