// The folders every simulated mailbox has, as an operator's mailbox has them, with their
// special-use attributes (RFC 6154 §2: \Drafts, \Sent, \Trash, \Junk), and how a client's
// name designates a folder: INBOX is case-insensitive, also as the first level of a hierarchy
// (RFC 3501 §5.1), other names are case-sensitive; the hierarchy delimiter is "/".
export const INBOX = 'INBOX';

export const HIERARCHY_DELIMITER = '/';

/** Folders that exist in every mailbox and can be neither deleted nor renamed, in LIST order. */
export const SPECIAL_FOLDERS = ['INBOX', 'Drafts', 'Sent', 'Trash', 'Junk'] as const;

export type SpecialFolder = (typeof SPECIAL_FOLDERS)[number];

export const SPECIAL_USE: Readonly<Record<SpecialFolder, string | undefined>> = {
  INBOX: undefined,
  Drafts: '\\Drafts',
  Sent: '\\Sent',
  Trash: '\\Trash',
  Junk: '\\Junk',
};

export function isSpecialFolder(name: string): name is SpecialFolder {
  return (SPECIAL_FOLDERS as readonly string[]).includes(name);
}

/** The name as stored: `inbox` and `Inbox/x` become `INBOX` and `INBOX/x` (RFC 3501 §5.1). */
export function canonicalFolderName(name: string): string {
  const slash = name.indexOf(HIERARCHY_DELIMITER);
  const first = slash < 0 ? name : name.slice(0, slash);
  return first.toUpperCase() === INBOX ? INBOX + name.slice(first.length) : name;
}

/** The superior names of a hierarchical name, outermost first: `a/b/c` → `a`, `a/b`. */
export function superiorNames(name: string): string[] {
  const parts = name.split(HIERARCHY_DELIMITER);
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join(HIERARCHY_DELIMITER));
}

/** LIST pattern matching (RFC 3501 §6.3.8): `*` matches anything, `%` anything but the delimiter. */
export function matchesListPattern(name: string, reference: string, pattern: string): boolean {
  const full = canonicalFolderName(`${reference}${pattern}`);
  const source = [...full].map((char) => (char === '*' ? '.*' : char === '%' ? '[^/]*' : char.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, name === INBOX ? 'is' : 's').test(name);
}
