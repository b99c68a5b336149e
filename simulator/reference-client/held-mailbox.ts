// The reference client's IMAP connection, kept open between two « relever » (as a mail client
// keeps its session): when the operator has cut it while the authentication stays valid, the
// client opens a new one without asking its user (SC.MSS/CONF.11). The faulty variant
// `no-reconnect-after-cut` shows an error instead and asks the user to log in again.
import type { ImapFlow } from 'imapflow';
import { openMailbox, type MailboxAccessSettings } from './mailbox-access.ts';
import type { FaultSet } from './reference-fault.ts';

export class SessionCutError extends Error {
  readonly code = 'MSS_SIM_DRIVER_SESSION_CUT';
  constructor() {
    super('La connexion à votre messagerie a été interrompue : identifiez-vous à nouveau pour relever vos messages.');
    this.name = 'SessionCutError';
  }
}

export class HeldMailbox {
  #client: ImapFlow | undefined;
  constructor(private readonly faults: FaultSet) {}

  /** Runs `work` on the held connection; a connection cut by the server is reopened once. */
  async use<T>(settings: () => Promise<MailboxAccessSettings>, work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const held = this.#client;
    if (held) {
      try {
        if (held.usable) return await work(held);
      } catch (error) {
        if (held.usable) throw error; // a command failed on a live connection: not a cut
      }
      this.#client = undefined;
      if (this.faults.has('no-reconnect-after-cut')) throw new SessionCutError();
    }
    const client = await openMailbox(await settings());
    this.#client = client;
    return work(client);
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (client) await client.logout().catch(() => client.close());
  }
}
