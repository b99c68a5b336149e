// The journal, plus a `line` event for each line recorded (connectionId, direction, text), so
// that the live flow sees a RCPT refusal when it happens rather than when the connection ends.
// TODO(lead): if Journal itself emitted `line`, this subclass could go.
import { Journal, type JournalDirection } from '../mail/journal.ts';

export class ObservedJournal extends Journal {
  override record(connectionId: string, direction: JournalDirection, text: string): void {
    super.record(connectionId, direction, text);
    if (this.listenerCount('line') > 0) this.emit('line', connectionId, direction, text);
  }
}
