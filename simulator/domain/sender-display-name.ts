// The sender display name of MSS/va1.16 (REG-MSG-05): `titre_prénom_nom_entité` for a personal
// mailbox (first name and name required, title and functional entity optional), the entity's
// name for an organisational or applicative one. The fields may be separated by spaces or
// underscores. `senderDisplayName` composes it; `displayNameProblem` judges one (French). Pure.

/** Who holds a mailbox, as the client is told at configuration. */
export interface MailboxHolder {
  readonly mailboxType: 'PER' | 'ORG' | 'APP' | 'CAB';
  readonly title?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  /** The functional entity (service, structure); for ORG and APP the name shown. */
  readonly entity?: string;
}

export function senderDisplayName(holder: MailboxHolder): string {
  if (!isPersonal(holder)) return holder.entity ?? '';
  return [holder.title, holder.firstName, holder.lastName, holder.entity].filter((p): p is string => p !== undefined && p.trim() !== '').join(' ');
}

/** What is wrong with `displayName` for this holder, or undefined when it follows MSS/va1.16. */
export function displayNameProblem(displayName: string | undefined, holder: MailboxHolder): string | undefined {
  const shown = words(displayName ?? '');
  const expected = senderDisplayName(holder);
  if (shown.length === 0) return `le champ From n'a pas de nom affiché ; attendu « ${expected} » (MSS/va1.16)`;
  if (!isPersonal(holder)) {
    return same(shown, words(holder.entity ?? '')) ? undefined : `nom affiché « ${displayName} » ; pour une boîte ${holder.mailboxType}, c'est le nom de l'entité : « ${expected} » (MSS/va1.16)`;
  }
  const optional = (text: string | undefined) => [[], words(text ?? '')];
  const core = [...words(holder.firstName ?? ''), ...words(holder.lastName ?? '')];
  const accepted = optional(holder.title).flatMap((title) => optional(holder.entity).map((entity) => [...title, ...core, ...entity]));
  return accepted.some((form) => same(shown, form)) ? undefined : `nom affiché « ${displayName} » ; pour une boîte nominative : [titre] prénom nom [entité], soit « ${expected} » (MSS/va1.16)`;
}

function isPersonal(holder: MailboxHolder): boolean {
  return holder.mailboxType === 'PER' || holder.mailboxType === 'CAB';
}

function words(text: string): string[] {
  return text.split(/[\s_]+/).filter((w) => w !== '');
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w.localeCompare(b[i] ?? '', 'fr', { sensitivity: 'accent' }) === 0);
}
