// `conformite comparer A B`: how the requirements' verdicts moved from one campaign's manifest to
// another's (a vendor's CI between two versions of its software). A regression is a requirement
// that was réussi (or inapplicable) in A and is échoué or in setup error in B; an improvement the
// reverse; other moves are changes; requirements present in only one campaign are listed apart.
// Pure.
import type { ManifestRequirement } from './bundle-manifest.ts';

export interface RequirementMove {
  readonly id: string;
  readonly before: string;
  readonly after: string;
}

export interface CampaignComparison {
  readonly regressions: readonly RequirementMove[];
  readonly improvements: readonly RequirementMove[];
  readonly changes: readonly RequirementMove[];
  readonly onlyBefore: readonly string[];
  readonly onlyAfter: readonly string[];
}

const BAD: ReadonlySet<string> = new Set(['echoue', 'erreur-de-mise-en-place']);

export function compareCampaigns(before: readonly ManifestRequirement[], after: readonly ManifestRequirement[]): CampaignComparison {
  const previous = new Map(before.map((r) => [r.id, r.verdictCode]));
  const next = new Map(after.map((r) => [r.id, r.verdictCode]));
  const moves = after.flatMap((r) => {
    const was = previous.get(r.id);
    return was === undefined || was === r.verdictCode ? [] : [{ id: r.id, before: was, after: r.verdictCode }];
  });
  return {
    regressions: moves.filter((m) => !BAD.has(m.before) && BAD.has(m.after)),
    improvements: moves.filter((m) => BAD.has(m.before) && !BAD.has(m.after)),
    changes: moves.filter((m) => BAD.has(m.before) === BAD.has(m.after)),
    onlyBefore: before.filter((r) => !next.has(r.id)).map((r) => r.id),
    onlyAfter: after.filter((r) => !previous.has(r.id)).map((r) => r.id),
  };
}

export function comparisonLines(c: CampaignComparison, labels: Readonly<Record<string, string>>): string[] {
  const move = (m: RequirementMove) => `  ${m.id} : ${labels[m.before] ?? m.before} → ${labels[m.after] ?? m.after}`;
  const lines: string[] = [];
  const block = (title: string, items: readonly RequirementMove[]) => items.length > 0 && lines.push(`${title} (${items.length}) :`, ...items.map(move));
  block('Régressions', c.regressions);
  block('Améliorations', c.improvements);
  block('Autres changements', c.changes);
  if (c.onlyBefore.length > 0) lines.push(`Exigences absentes de la seconde campagne : ${c.onlyBefore.join(', ')}.`);
  if (c.onlyAfter.length > 0) lines.push(`Exigences nouvelles dans la seconde campagne : ${c.onlyAfter.join(', ')}.`);
  if (lines.length === 0) lines.push('Aucun changement de verdict entre les deux campagnes.');
  lines.push(c.regressions.length > 0 ? `Verdict : ${c.regressions.length} régression(s).` : 'Verdict : aucune régression.');
  return lines;
}
