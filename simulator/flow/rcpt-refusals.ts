// Recipients refused at RCPT, read from the SMTP journal lines as they are written (DOMAIN.md
// A3: outside the liste blanche, `550 5.7.1`; DOMAIN.md A1 strict mode): the envelope sender of
// the transaction, the refused address and the reason: the full one of the journal fact written
// just before the reply (`refus 550 5.7.1 : …`, smtp-reply.ts refusalError), else the reply's
// short text. No message exists for them: the journal connection is the evidence. Pure state
// machine; the recorder feeds it.
import type { JournalDirection } from '../mail/journal.ts';
import type { FlowDraft } from './flow-entry.ts';

interface ConnectionState {
  sender: string;
  pendingRecipient?: string;
  pendingDetail?: string;
}

const MAIL_FROM = /^MAIL FROM:\s*<([^>]*)>/i;
const RCPT_TO = /^RCPT TO:\s*<([^>]*)>/i;
const REFUSAL = /^([45]\d\d)[ -](?:([45]\.\d{1,3}\.\d{1,3}) )?(.*)$/;
const REFUSAL_DETAIL = /^refus [45]\d\d [45]\.\d{1,3}\.\d{1,3} : (.+)$/;

export class RcptRefusalWatcher {
  readonly #connections = new Map<string, ConnectionState>();

  /** One journal line; returns the entry when it is the refusal of a RCPT command. */
  line(connectionId: string, direction: JournalDirection, text: string, at: Date): FlowDraft | undefined {
    if (direction === 'C') {
      this.#command(connectionId, text);
      return undefined;
    }
    const state = this.#connections.get(connectionId);
    const recipient = state?.pendingRecipient;
    if (!state || recipient === undefined) return undefined;
    if (direction === '*') {
      const detail = REFUSAL_DETAIL.exec(text)?.[1];
      if (detail !== undefined) state.pendingDetail = detail;
      return undefined;
    }
    if (direction !== 'S') return undefined;
    const detail = state.pendingDetail;
    delete state.pendingRecipient;
    delete state.pendingDetail;
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
      reason: detail ?? (refusal[3] ?? '').trim(),
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
    delete state.pendingDetail;
    if (rcptTo) state.pendingRecipient = (rcptTo[1] ?? '').toLowerCase();
    else delete state.pendingRecipient;
  }
}
