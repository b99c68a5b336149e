// A refused folder operation as a tagged NO: the French reason, and the RFC 5530 response code
// (RFC 9051 §7.1 for HASCHILDREN) that lets a client act on it without reading the text.
import type { FolderRefusal } from '../mailbox/folder-refusal.ts';
import type { MailboxFolders } from '../mailbox/mailbox-folders.ts';
import { TEXTS } from './imap-texts.ts';
import { no, type Completion } from './session-types.ts';

const CODES: Readonly<Record<FolderRefusal, string>> = {
  'empty-name': 'CANNOT',
  'bad-delimiter': 'CANNOT',
  wildcard: 'CANNOT',
  'control-character': 'CANNOT',
  'not-7-bit': 'CANNOT',
  'name-too-long': 'LIMIT',
  'already-exists': 'ALREADYEXISTS',
  nonexistent: 'NONEXISTENT',
  'special-folder': 'CANNOT',
  'has-children': 'HASCHILDREN',
  'into-itself': 'CANNOT',
  'too-many-folders': 'LIMIT',
};

export function folderRefused(refusal: FolderRefusal, name: string): Completion {
  return no(TEXTS.folderRefusal(refusal, name), CODES[refusal]);
}

/** APPEND, COPY or MOVE to a folder that does not exist: TRYCREATE only when CREATE would succeed (RFC 3501 §6.3.11, §6.4.7). */
export function missingTarget(folders: MailboxFolders, name: string): Completion {
  const problem = folders.createProblem(name);
  return problem ? folderRefused(problem, name) : no(TEXTS.unknownFolderTryCreate(name), 'TRYCREATE');
}
