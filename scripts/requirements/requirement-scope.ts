// Why a requirement has no scenario, read from the start of its `motif_non_teste`: a closed
// vocabulary so that the coverage figure (DOIT in scope with a scenario / DOIT in scope) cannot
// be improved by wording. « hors périmètre » and « obsolète » leave the scope; « à couvrir »
// stays in it and counts against the figure; « facultative » is only for PEUT. Pure.
import type { Level, Requirement } from './requirement-register.ts';

export const REASON_KINDS = {
  'à couvrir': 'to-cover',
  'hors périmètre': 'out-of-scope',
  'obsolète': 'obsolete',
  'facultative': 'optional',
} as const;

export type ReasonKind = (typeof REASON_KINDS)[keyof typeof REASON_KINDS];

export type ParsedReason =
  | { readonly ok: true; readonly kind: ReasonKind | 'none'; readonly detail: string }
  | { readonly ok: false; readonly message: string };

const PREFIXES = Object.keys(REASON_KINDS) as (keyof typeof REASON_KINDS)[];

/** Reads `<prefix> : <why>`; an empty motif means scenarios should cover the requirement. */
export function parseReason(reason: string, level: Level): ParsedReason {
  if (reason.trim() === '') return { ok: true, kind: 'none', detail: '' };
  const match = /^([^:]+?)\s*:\s*(.*)$/su.exec(reason.trim());
  const prefix = PREFIXES.find((candidate) => match?.[1] === candidate);
  if (match === null || prefix === undefined) {
    return { ok: false, message: `motif « ${reason} » : commencez par ${PREFIXES.map((p) => `« ${p} : »`).join(', ')} suivi de la raison précise.` };
  }
  const detail = match[2]?.trim() ?? '';
  if (detail === '') return { ok: false, message: `motif « ${reason} » sans raison : dites pourquoi après « ${prefix} : ».` };
  const kind = REASON_KINDS[prefix];
  if (kind === 'optional' && level !== 'PEUT') return { ok: false, message: `motif « ${reason} » : « facultative » ne vaut que pour une exigence PEUT (niveau ${level}).` };
  return { ok: true, kind, detail };
}

/** In the scope of the bench: everything but what is out of scope or obsolete. */
export function inScope(requirement: Requirement): boolean {
  const parsed = parseReason(requirement.reasonNotTested, requirement.level);
  return !parsed.ok || (parsed.kind !== 'out-of-scope' && parsed.kind !== 'obsolete');
}
