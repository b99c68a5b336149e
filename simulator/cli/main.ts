// The `simulateur` command line: `start`, `check-fixtures`, `help`, `--version`. A thin layer over the
// composition root (simulator/trust-space/start-trust-space.ts). Exit codes (REG-DEC-05):
// 0 ok, 64 usage, 78 configuration or fixtures invalid, 70 internal error.
import { rmSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { versionLine } from './package-version.ts';
import { parseStartOptions, startInfoRequest, START_USAGE } from './start-options.ts';
import { UsageError } from './usage-error.ts';
import { DEFAULT_FIXTURES_DIR } from '../services/fixture-loading/load-fixtures.ts';
import { FixturesInvalidError } from '../trust-space/fixtures-invalid-error.ts';
import { PersistenceError } from '../services/persistence/persistence-error.ts';

const USAGE = `Simulateur de l'espace de confiance MSSanté et de Mon espace santé

Commandes :
  start             démarre le simulateur avec l'espace de confiance par défaut (ou --fixtures)
  check-fixtures    vérifie un dossier de données (défaut : fixtures/) et liste tous les problèmes
  help, --help      cette aide
  --version, -V     version du simulateur

${START_USAGE}`;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Off loopback (REG-DEC-01): the token, a web UI link that carries it, and the warning of --lecture-publique. */
function accessLines(baseUrl: string, actionToken: string | undefined, publicReads: boolean): string[] {
  if (!actionToken) return [];
  const lines = ['', `  Jeton d'accès               ${actionToken}  (en-tête Authorization: Bearer, exigé pour toute requête HTTP sauf l'interface web et /ca.crt ; lien direct : ${baseUrl}/#jeton=${actionToken})`];
  if (publicReads) {
    lines.push('', "Attention : --lecture-publique : sans jeton, tout le réseau peut lire les messages des patients, le journal, les transmissions et les clés privées des certificats clients de test. Les actions exigent toujours le jeton.");
  }
  return lines;
}

async function writeEndpointsFile(path: string, content: unknown): Promise<void> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(`${target}.tmp`, JSON.stringify(content, null, 2) + '\n');
  await rename(`${target}.tmp`, target);
}

async function start(args: readonly string[]): Promise<number> {
  const info = startInfoRequest(args);
  if (info !== undefined) {
    console.log(info === 'help' ? START_USAGE : versionLine('simulateur'));
    return 0;
  }
  const options = parseStartOptions(args);
  if (!LOOPBACK.test(options.host)) {
    console.warn(`Attention : écoute sur ${options.host}, hors boucle locale. Les identifiants de test sont publics : n'exposez pas le simulateur sur un réseau partagé.`);
  }
  // Loaded here, not at the top: --help, --version and usage errors answer without loading the
  // whole simulator (a fraction of a second instead of about two on this machine).
  const [{ startTrustSpace }, { banner, endpointsSummary }, { durableLines }] = await Promise.all([import('../trust-space/start-trust-space.ts'), import('./endpoints-summary.ts'), import('./durable-lines.ts')]);
  const space = await startTrustSpace(options);
  // Handlers first: a supervisor may signal as soon as it reads the banner or the endpoints file.
  const stopped = new Promise<void>((resolveStop) => {
    const stop = (signal: string) => {
      console.log(`\n${signal} reçu : arrêt propre en cours…`);
      space.stop().then(resolveStop, (error: unknown) => {
        console.error(error);
        resolveStop();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  const summary = endpointsSummary(space);
  if (options.endpointsFile) {
    const written = resolve(options.endpointsFile);
    // Whatever the way out (signal, error), a stale file must not announce a simulator that is gone.
    process.once('exit', () => rmSync(written, { force: true }));
    await writeEndpointsFile(written, summary);
  }
  console.log(banner(summary));
  for (const line of durableLines(space.durable)) console.log(line);
  for (const line of accessLines(space.endpoints.http.baseUrl, space.actionToken, space.publicReads ?? false)) console.log(line);
  if (options.publicReads && !space.actionToken) console.log("\n--lecture-publique est sans effet sur la boucle locale : aucun jeton n'y est demandé.");
  await stopped;
  console.log('Simulateur arrêté.');
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(rest);
    case 'check-fixtures': {
      const { checkFixtures } = await import('./check-fixtures.ts');
      return checkFixtures(rest[0] ?? DEFAULT_FIXTURES_DIR, { log: (line) => console.log(line) });
    }
    case '--version':
    case '-V':
      console.log(versionLine('simulateur'));
      return 0;
    case 'help':
    case '--help':
    case '-h':
    case undefined:
      console.log(USAGE);
      return command === undefined ? 64 : 0;
    default:
      throw new UsageError(`Commande inconnue « ${command} ».\n\n${USAGE}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exitCode = error.exitCode;
  } else if (error instanceof PersistenceError) {
    console.error(error.message);
    process.exitCode = 78;
  } else if (error instanceof FixturesInvalidError) {
    console.error(error.report());
    process.exitCode = 78;
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const failure = error as NodeJS.ErrnoException & { address?: string; port?: number };
    console.error(`Le port ${failure.port ?? '?'} de ${failure.address ?? '?'} est déjà utilisé. Arrêtez l'autre programme ou choisissez un autre port (--submission-port, --peer-port, --http-port ; 0 = port libre).`);
    process.exitCode = 78;
  } else {
    console.error(error);
    process.exitCode = 70;
  }
}
