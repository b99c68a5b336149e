// `conformite verifier ARCHIVE [--cle-publique FICHIER]` and `conformite comparer A B`: the two
// commands on evidence bundles (scripts/conformance/bundle). French output; exit 0 when the
// bundle holds or nothing regressed, 1 otherwise, 64 for a wrong command line.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareCampaigns, comparisonLines } from '../bundle/campaign-comparison.ts';
import { verifyBundle, type BundleFindings } from '../bundle/bundle-verification.ts';
import { SCENARIO_CODES } from './verdict-codes.ts';

export const EXIT_USAGE = 64;

export const VERIFY_USAGE = 'Usage : npm run conformite -- verifier <archive.zip> [--cle-publique <cle.pem>]';
export const COMPARE_USAGE = 'Usage : npm run conformite -- comparer <avant.zip> <apres.zip>';

type Print = (line: string) => void;

export function runBundleCommand(argv: readonly string[], out: Print, err: Print): number {
  const [command, ...rest] = argv;
  const usage = command === 'verifier' ? VERIFY_USAGE : COMPARE_USAGE;
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: { 'cle-publique': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    err(`Ligne de commande invalide : ${error instanceof Error ? error.message.split('.')[0] : String(error)}.\n${usage}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help === true) {
    out(usage);
    return 0;
  }
  const wanted = command === 'verifier' ? 1 : 2;
  if (parsed.positionals.length !== wanted || (command === 'comparer' && parsed.values['cle-publique'] !== undefined)) {
    err(`${command} attend ${wanted === 1 ? 'une archive' : 'deux archives'}.\n${usage}`);
    return EXIT_USAGE;
  }
  if (command === 'verifier') return verify(parsed.positionals[0] ?? '', parsed.values['cle-publique'] as string | undefined, out, err);
  return compare(parsed.positionals[0] ?? '', parsed.positionals[1] ?? '', out, err);
}

function findingsOf(path: string, publicKeyPath?: string): BundleFindings {
  let archive: Buffer;
  try {
    archive = readFileSync(path);
  } catch {
    return { problems: [`Archive introuvable ou illisible : ${path}.`], notices: [], checkedFiles: 0 };
  }
  let publicKey: string | undefined;
  if (publicKeyPath !== undefined) {
    try {
      publicKey = readFileSync(publicKeyPath, 'utf8');
    } catch {
      return { problems: [`Clé publique introuvable : ${publicKeyPath}.`], notices: [], checkedFiles: 0 };
    }
  }
  return verifyBundle(archive, publicKey);
}

function verify(path: string, publicKeyPath: string | undefined, out: Print, err: Print): number {
  const findings = findingsOf(path, publicKeyPath);
  for (const notice of findings.notices) out(`Remarque : ${notice}`);
  if (findings.problems.length > 0) {
    for (const problem of findings.problems) err(problem);
    err(`Dossier de preuve NON VALIDE : ${path} (${findings.problems.length} problème(s)).`);
    return 1;
  }
  const m = findings.manifest;
  out(`Dossier de preuve valide : ${path} — ${findings.checkedFiles} fichier(s) conformes au manifeste${findings.notices.length === 0 ? ', signature valide' : ''}.`);
  if (m) out(`Campagne : ${m.product.label}, ${m.verdict}, le ${m.run.startedAt.slice(0, 19).replace('T', ' ')} UTC.`);
  return 0;
}

function compare(before: string, after: string, out: Print, err: Print): number {
  const [a, b] = [findingsOf(before), findingsOf(after)];
  for (const [path, findings] of [[before, a], [after, b]] as const) {
    if (findings.problems.length > 0 || !findings.manifest) {
      for (const problem of findings.problems) err(problem);
      err(`Comparaison impossible : ${path} n'est pas un dossier de preuve valide (vérifiez-le avec « conformite verifier »).`);
      return 1;
    }
  }
  const labels = Object.fromEntries(Object.entries(SCENARIO_CODES).map(([label, code]) => [code, label]));
  const comparison = compareCampaigns(a.manifest?.requirements ?? [], b.manifest?.requirements ?? []);
  out(`Avant : ${a.manifest?.product.label} — ${a.manifest?.verdict}. Après : ${b.manifest?.product.label} — ${b.manifest?.verdict}.`);
  for (const line of comparisonLines(comparison, labels)) out(line);
  return comparison.regressions.length > 0 ? 1 : 0;
}
