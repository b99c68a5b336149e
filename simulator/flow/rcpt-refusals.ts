// Recipients refused at RCPT, read from the SMTP journal lines as they are written
// (REG-LB-02: outside the liste blanche, `550 5.7.1`; REG-ANR-05 strict mode): the envelope sender of
// the transaction, the refused address and the reply. No message exists for them: the journal
// connection is the evidence. Pure state machine; the recorder feeds it.
import type { JournalDirection } from '../mail/journal.ts';
import type { FlowDraft } from './flow-entry.ts';

interface ConnectionState {
  sender: string;
  pendingRecipient?: string;
}

const MAIL_FROM = /^MAIL FROM:\s*<([^>]*)>/i;
const RCPT_TO = /^RCPT TO:\s*<([^>]*)>/i;
const REFUSAL = /^([45]\d\d)[ -](?:([45]\.\d{1,3}\.\d{1,3}) )?(.*)$/;

export class RcptRefusalWatcher {
  readonly #connections = new Map<string, ConnectionState>();

  /** One journal line; returns the entry when it is the refusal of a RCPT command. */
  line(connectionId: string, direction: JournalDirection, text: string, at: Date): FlowDraft | undefined {
    if (direction === 'C') {
      this.#command(connectionId, text);
      return undefined;
    }
    if (direction !== 'S') return undefined;
    const state = this.#connections.get(connectionId);
    const recipient = state?.pendingRecipient;
    if (!state || recipient === undefined) return undefined;
    delete state.pendingRecipient;
    const refusal = REFUSAL.exec(text);
    if (!refusal) return undefined;
    return {
      at: at.toISOString(),
      kind: 'refused-at-rcpt',
      from: state.sender,
      to: [recipient],
      subject: '',
      connectionId,
      originalRecipient: recipient,
      reason: (refusal[3] ?? '').trim(),
      status: refusal[2] ?? (refusal[1]?.startsWith('4') ? '4.0.0' : '5.0.0'),
    };
  }

  /** The connection is closed: its state is forgotten. */
  close(connectionId: string): void {
    this.#connections.delete(connectionId);
  }

  clear(): void {
    this.#connections.clear();
  }

  #command(connectionId: string, text: string): void {
    const mailFrom = MAIL_FROM.exec(text);
    if (mailFrom) {
      this.#connections.set(connectionId, { sender: (mailFrom[1] ?? '').toLowerCase() });
      return;
    }
    const state = this.#connections.get(connectionId);
    if (!state) return;
    const rcptTo = RCPT_TO.exec(text);
    if (rcptTo) state.pendingRecipient = (rcptTo[1] ?? '').toLowerCase();
    else delete state.pendingRecipient;
  }
}
