// A MailRouter that records what the endpoints hand over, and can be told to throw.
import type { IncomingMessage, MailRouter, RouteResult } from '../../../services/routing/incoming-message.ts';

export class FakeRouter implements MailRouter {
  readonly messages: IncomingMessage[] = [];
  /** When set, route() throws this error (robustness tests). */
  failWith: Error | undefined;
  /** The transmission id route() answers (the endpoint puts it in its 250 reply). */
  transmissionId = 'envoi-1';

  route(message: IncomingMessage): RouteResult {
    if (this.failWith) throw this.failWith;
    this.messages.push(message);
    return {
      transmissionId: this.transmissionId,
      recipients: message.envelope.rcptTo.map((recipient, index) => ({ recipient, outcome: 'delivered', mailbox: recipient, storedId: `copie-${index + 1}` })),
    };
  }
}
