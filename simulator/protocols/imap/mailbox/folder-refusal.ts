// Why a folder operation is refused, as a stable code; the session maps each code to its French
// text and its response code (imap-texts.ts, folder-refusal-response.ts).
export type FolderRefusal =
  | 'empty-name'
  | 'bad-delimiter'
  | 'wildcard'
  | 'control-character'
  | 'not-7-bit'
  | 'name-too-long'
  | 'already-exists'
  | 'nonexistent'
  | 'special-folder'
  | 'has-children'
  | 'into-itself'
  | 'too-many-folders';
