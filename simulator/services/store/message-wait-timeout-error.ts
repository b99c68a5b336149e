// Raised by MessageStore.waitFor when no matching message arrived in time (REG-DEC-03:
// no sleeps; on timeout, say what was expected and what the store holds). French message:
// it reaches scenario reports and the vendor's screen.
import type { StoredMessage } from './stored-message.ts';

export class MessageWaitTimeoutError extends Error {
  readonly code = 'MSS_SIM_STORE_WAIT_TIMEOUT';
  readonly description: string;
  readonly timeoutMs: number;
  readonly storedCount: number;

  constructor(description: string, timeoutMs: number, storedCount: number, recent: readonly StoredMessage[]) {
    super(
      `Délai de ${timeoutMs} ms dépassé en attendant ${description} : aucun des ${storedCount} message(s) conservé(s) ne correspond.` +
        summarise(recent) +
        " Vérifiez que le client a bien envoyé le message attendu, ou augmentez le délai d'attente.",
    );
    this.name = 'MessageWaitTimeoutError';
    this.description = description;
    this.timeoutMs = timeoutMs;
    this.storedCount = storedCount;
  }
}

const KIND_LABELS: Readonly<Record<StoredMessage['kind'], string>> = { message: 'message', bounce: 'avis de non-remise', receipt: 'accusé' };

function summarise(recent: readonly StoredMessage[]): string {
  if (recent.length === 0) return '';
  const lines = recent.map((m) => `${m.id} (${KIND_LABELS[m.kind]}, ${m.folder}) ${m.mailbox} « ${m.index.subject ?? '(sans objet)'} »`);
  return ` Derniers messages : ${lines.join(' ; ')}.`;
}
