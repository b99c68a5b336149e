// The options of `conformite`, French names with English aliases. Pure: argv in,
// validated options out, or a ConformanceUsageError (exit 64) naming every problem at once.
// The client choice is validated by the same code as the cucumber workers read it
// (driver-choice.ts), through the environment that the run will pass them.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseTagExpression } from '@cucumber/tag-expressions';
import { clientChoiceFromEnv, DriverChoiceError, type ClientChoice } from '../../../steps/support/driver-choice.ts';
import { frenchParseError, isHostName } from '../../../simulator/tooling-api.ts';
import { manualPorts } from '../../../steps/support/manual-ports.ts';
import { ConformanceUsageError } from './conformance-usage-error.ts';
import { USAGE_LINE } from './help-text.ts';

export interface ConformanceOptions {
  readonly choice: ClientChoice;
  /** The cucumber workers' environment (driver-choice.ts, simulator-lifecycle.ts): MSS_* only. */
  readonly env: Readonly<Record<string, string>>;
  /** The user's tag expression, combined with @conformite. */
  readonly tags?: string;
  /** Absolute. */
  readonly reportsDir: string;
  /** Absolute; the default fixtures of the simulator when absent. */
  readonly fixturesDir?: string;
  /** Given with --parallele; the default depends on the client (run-plan.ts). */
  readonly parallel?: number;
  /** The product's name and version for the report (--produit), over the client's declaration. */
  readonly product?: string;
  /** Absolute path of the Ed25519 private key (PEM) that signs the evidence bundle (--cle-signature). */
  readonly signingKey?: string;
  /** `i/n` (1 ≤ i ≤ n): this job plays the i-th of n deterministic tranches of the scenarios (--tranche). */
  readonly tranche?: string;
}

export type ConformanceCommand = { readonly kind: 'help' } | { readonly kind: 'version' } | { readonly kind: 'run'; readonly options: ConformanceOptions };

/** French name → English alias. */
const ALIASES = {
  client: 'driver',
  variante: 'variant',
  capacites: 'capabilities',
  donnees: 'fixtures',
  rapports: 'reports',
  parallele: 'parallel',
  'delai-manuel': 'manual-timeout',
  'delai-adaptateur': 'adapter-timeout',
  produit: 'product',
  'cle-signature': 'signing-key',
  tranche: 'shard',
  ecoute: 'listen',
  'annoncer-hote': 'announce-host',
  'ports-depart': 'base-port',
} as const;
type OptionName = keyof typeof ALIASES;

const STRING_OPTIONS = Object.fromEntries([...Object.keys(ALIASES), ...Object.values(ALIASES), 'tags'].map((name) => [name, { type: 'string' as const }]));

export function parseConformanceArgs(argv: readonly string[], cwd: string): ConformanceCommand {
  const values = parseStrictly(argv);
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const problems: string[] = [];
  const value = (name: OptionName): string | undefined => pick(values, name, problems);
  const env: Record<string, string> = { MSS_CLIENT: (value('client') ?? 'reference').trim() };
  const set = (key: string, given: string | undefined) => given !== undefined && (env[key] = given);
  set('MSS_VARIANTE', value('variante'));
  set('MSS_CAPACITES', value('capacites'));
  const manualDelay = value('delai-manuel');
  set('MSS_DELAI_MANUEL', manualDelay);
  const adapterDelay = value('delai-adaptateur');
  set('MSS_DELAI_ADAPTATEUR', adapterDelay);
  const fixtures = value('donnees');
  if (fixtures !== undefined) env.MSS_FIXTURES = resolve(cwd, fixtures);
  const parallel = positiveInteger(value('parallele'), problems);
  const tags = tagExpression(typeof values.tags === 'string' ? values.tags : undefined, problems);
  const reports = value('rapports') ?? 'reports';
  const product = value('produit')?.trim();
  if (product === '') problems.push('--produit vide : donnez le nom et la version du logiciel, par exemple --produit "Messagerie Exemple 4.2".');
  if (product) env.MSS_PRODUIT = product;
  const basePort = value('ports-depart');
  set('MSS_PORTS_DEPART', basePort?.trim());
  const signingKey = value('cle-signature');
  const tranche = trancheOf(value('tranche'), problems);
  set('MSS_ECOUTE', hostOption('ecoute', value('ecoute'), problems));
  set('MSS_ANNONCER_HOTE', hostOption('annoncer-hote', value('annoncer-hote'), problems));
  const choice = clientChoice(env, problems);
  if (choice?.driver.kind === 'manual' && parallel !== undefined && parallel > 1) problems.push(`--parallele ${parallel} impossible avec le pilote manuel : une seule personne suit les consignes ; retirez --parallele.`);
  if (manualDelay !== undefined && choice !== undefined && choice.driver.kind !== 'manual') problems.push('--delai-manuel ne vaut que pour le pilote manuel : retirez-le ou passez --client manual.');
  if (adapterDelay !== undefined && choice !== undefined && choice.driver.kind !== 'http') problems.push("--delai-adaptateur ne vaut que pour un adaptateur HTTP : retirez-le ou passez --client http://….");
  if (basePort !== undefined) problems.push(...basePortProblems(basePort, choice));
  if (problems.length > 0 || choice === undefined) throw new ConformanceUsageError(`${problems.join('\n')}\n${USAGE_LINE}`);
  return {
    kind: 'run',
    options: { choice, env, reportsDir: resolve(cwd, reports), ...(tags === undefined ? {} : { tags }), ...(env.MSS_FIXTURES === undefined ? {} : { fixturesDir: env.MSS_FIXTURES }), ...(parallel === undefined ? {} : { parallel }), ...(product ? { product } : {}), ...(signingKey === undefined ? {} : { signingKey: resolve(cwd, signingKey) }), ...(tranche === undefined ? {} : { tranche }) },
  };
}

/** --ports-depart: only for the manual driver (the others run on ephemeral ports), a valid base. */
function basePortProblems(text: string, choice: ClientChoice | undefined): string[] {
  const ports = manualPorts(text);
  const problems = ports.ok ? [] : [ports.problem];
  if (choice !== undefined && choice.driver.kind !== 'manual') problems.push('--ports-depart ne vaut que pour le pilote manuel (les autres clients prennent des ports libres) : retirez-le ou passez --client manuel.');
  return problems;
}

/** The client and the capabilities are checked apart, so that both problems are reported. */
function clientChoice(env: Readonly<Record<string, string>>, problems: string[]): ClientChoice | undefined {
  const { MSS_CAPACITES: capabilities, ...driverEnv } = env;
  const driver = tryChoice(driverEnv, problems);
  const capabilitiesOk = capabilities === undefined || tryChoice({ MSS_CAPACITES: capabilities }, problems) !== undefined;
  return driver !== undefined && capabilitiesOk ? clientChoiceFromEnv(env) : undefined;
}

function tryChoice(env: Readonly<Record<string, string>>, problems: string[]): ClientChoice | undefined {
  try {
    return clientChoiceFromEnv(env);
  } catch (error) {
    if (!(error instanceof DriverChoiceError)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

type ParsedValues = Record<string, string | boolean | undefined>;

function parseStrictly(argv: readonly string[]): ParsedValues {
  try {
    return parseArgs({ args: [...argv], options: { ...STRING_OPTIONS, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } }, strict: true, allowPositionals: false }).values as ParsedValues;
  } catch (error) {
    throw new ConformanceUsageError(`${frenchParseError(error)}\n${USAGE_LINE}`);
  }
}

function pick(values: ParsedValues, name: OptionName, problems: string[]): string | undefined {
  const french = values[name];
  const english = values[ALIASES[name]];
  if (typeof french === 'string' && typeof english === 'string' && french !== english) {
    problems.push(`--${name} et --${ALIASES[name]} sont la même option avec deux valeurs différentes : gardez-en une.`);
  }
  const given = typeof french === 'string' ? french : english;
  return typeof given === 'string' ? given : undefined;
}

function trancheOf(text: string | undefined, problems: string[]): string | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, total] = [Number(match?.[1]), Number(match?.[2])];
  if (match && index >= 1 && index <= total) return `${index}/${total}`;
  problems.push(`--tranche « ${text} » invalide : donnez i/n, la i-ème de n tranches (1 ≤ i ≤ n), par exemple 2/3.`);
  return undefined;
}

/** --ecoute and --annoncer-hote: a DNS name or an IP address, without port (read back by simulator-address.ts). */
function hostOption(name: 'ecoute' | 'annoncer-hote', text: string | undefined, problems: string[]): string | undefined {
  if (text === undefined) return undefined;
  if (isHostName(text.trim())) return text.trim();
  problems.push(`--${name} « ${text} » invalide : donnez un nom d'hôte ou une adresse IP sans port, par exemple ${name === 'ecoute' ? '0.0.0.0' : 'banc'}.`);
  return undefined;
}

function positiveInteger(text: string | undefined, problems: string[]): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1) return n;
  problems.push(`--parallele « ${text} » invalide : donnez un nombre entier de scénarios simultanés, 1 ou plus.`);
  return undefined;
}

function tagExpression(text: string | undefined, problems: string[]): string | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    problems.push('--tags vide : donnez une expression comme "@req:MES-FIN-01", ou retirez l\'option.');
    return undefined;
  }
  try {
    parseTagExpression(text);
    return text.trim();
  } catch (error) {
    problems.push(`--tags « ${text} » n'est pas une expression d'étiquettes valide (${error instanceof Error ? error.message : String(error)}) : par exemple "@req:MES-FIN-01 and not @capacite:reply".`);
    return undefined;
  }
}
