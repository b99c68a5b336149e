// Which names a client may give a new folder: not empty, no leading, trailing or doubled "/",
// no LIST wildcards (`*`, `%`, RFC 3501 §5.1), no control characters, 7-bit with a well-formed
// modified UTF-7 (RFC 3501 §5.1.3: `&` opens a base64 run closed by `-`, `&-` is `&`), and
// at most MAX_FOLDER_NAME_LENGTH characters.
import { MAX_FOLDER_NAME_LENGTH } from '../protocol/imap-limits.ts';
import type { FolderRefusal } from './folder-refusal.ts';
import { HIERARCHY_DELIMITER } from './folder-names.ts';

const MODIFIED_UTF7_RUN = /&[A-Za-z0-9+,]*-/g;

/** Why `name` cannot name a folder, or undefined when it can. */
export function folderNameProblem(name: string): FolderRefusal | undefined {
  if (name === '') return 'empty-name';
  if (name.length > MAX_FOLDER_NAME_LENGTH) return 'name-too-long';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control-character';
  if (/[*%]/.test(name)) return 'wildcard';
  if (name.split(HIERARCHY_DELIMITER).some((part) => part === '')) return 'bad-delimiter';
  if (/[^\u0020-\u007e]/.test(name) || name.replace(MODIFIED_UTF7_RUN, '').includes('&')) return 'not-7-bit';
  return undefined;
}
