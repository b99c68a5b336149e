// A stored message whose bytes are made on first read: the simulator's own reports (DSN), whose
// structured facts are known at once and whose bytes most runs never read. `raw` is an own,
// enumerable getter, so every reader of `message.raw` (IMAP FETCH, the API, a spread copy) gets
// the bytes, built once; the header index is given at once (from the report's header block).
import { addressKey } from '../../domain/address-key.ts';
import type { MessageIndex } from '../../protocols/mime/message-index.ts';
import type { StoredMessage } from './stored-message.ts';

export type NewLazyStoredMessage = Omit<StoredMessage, 'id' | 'raw'> & {
  readonly index: MessageIndex;
  /** Makes the bytes; called at most once per read until it returns, memoised here. */
  readonly bytes: () => Buffer;
};

export function lazyStoredMessage(input: NewLazyStoredMessage, id: string): StoredMessage {
  const { bytes, ...rest } = input;
  let raw: Buffer | undefined;
  return {
    ...rest,
    id,
    mailbox: addressKey(rest.mailbox),
    get raw(): Buffer {
      return (raw ??= bytes());
    },
  };
}
