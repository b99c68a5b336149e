// Message flags (RFC 3501 §2.3.2): the system flags, spelled canonically whatever the case the
// client used, and keywords (atoms kept as written). \Recent is session state and can never be
// stored (§6.4.6); other backslash names are not flags (BAD).
import { ImapSyntaxError } from '../protocol/imap-syntax-error.ts';

export const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'] as const;
export const RECENT = '\\Recent';

const CANONICAL = new Map<string, string>(SYSTEM_FLAGS.map((flag) => [flag.toUpperCase(), flag]));
const KEYWORD = /^[!#$&'+\-.0-9:;<=>?@A-Z^_`a-z|~]+$/;

/** Canonical flags to store; `\Recent` dropped. */
export function storableFlags(names: readonly string[]): string[] {
  const flags = new Set<string>();
  for (const name of names) {
    const upper = name.toUpperCase();
    if (upper === '\\RECENT') continue;
    const system = CANONICAL.get(upper);
    if (system) flags.add(system);
    else if (KEYWORD.test(name)) flags.add(name);
    else throw new ImapSyntaxError(`Drapeau invalide : « ${name.slice(0, 40)} »`);
  }
  return [...flags];
}

/** `(\Seen \Recent)`: the stored flags, plus \Recent when this session holds the message as recent. */
export function flagList(flags: ReadonlySet<string>, recent: boolean): string {
  const names = [...flags];
  if (recent) names.push(RECENT);
  return `(${names.join(' ')})`;
}
