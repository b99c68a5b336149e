// One message as a folder holds it: its UID, its flags (shared by every session, RFC 3501
// §2.3.2), its internal date. The StoredMessage is never changed: COPY and MOVE make new
// entries pointing at the same stored message; EXPUNGE hides an entry from IMAP only.
import type { StoredMessage } from '../../../services/store/stored-message.ts';

export interface MessageEntry {
  readonly uid: number;
  readonly message: StoredMessage;
  /** RFC 3501 §2.3.3: arrival time (store receivedAt), or the APPEND date. */
  readonly internalDate: Date;
  readonly flags: Set<string>;
  /** Folder-wide change counter at the last flag change (drives untagged FETCH FLAGS). */
  modseq: number;
  expunged: boolean;
  /** Not yet claimed as \Recent by a read-write SELECT (recent-flags simplification, see folder-view.ts). */
  recentUnclaimed: boolean;
}
