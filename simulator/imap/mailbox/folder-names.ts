// The folders of every simulated mailbox (stored-message.ts MailFolder) with their special-use
// attributes (RFC 6154 §2: \Sent, \Trash). INBOX is case-insensitive (RFC 3501 §5.1); the
// hierarchy delimiter is "/", and there is no hierarchy.
import type { MailFolder } from '../../mail/stored-message.ts';

export const FOLDERS: readonly MailFolder[] = ['INBOX', 'Sent', 'Trash'];

export const HIERARCHY_DELIMITER = '/';

export const SPECIAL_USE: Readonly<Record<MailFolder, string | undefined>> = {
  INBOX: undefined,
  Sent: '\\Sent',
  Trash: '\\Trash',
};

/** The folder a client's mailbox name designates, or undefined (RFC 3501 §5.1). */
export function folderNamed(name: string): MailFolder | undefined {
  if (name.toUpperCase() === 'INBOX') return 'INBOX';
  return FOLDERS.find((folder) => folder === name);
}

/** LIST pattern matching (RFC 3501 §6.3.8): `*` matches anything, `%` anything but the delimiter. */
export function matchesListPattern(name: string, reference: string, pattern: string): boolean {
  const full = `${reference}${pattern}`;
  const source = [...full].map((char) => (char === '*' ? '.*' : char === '%' ? '[^/]*' : char.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
  const flags = /^inbox$/i.test(name) ? 'i' : '';
  return new RegExp(`^${source}$`, flags).test(name);
}
