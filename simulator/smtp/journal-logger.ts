// Adapter from smtp-server's `logger` option (bunyan-style) to the Journal: every client line
// (`C:`) and server reply (`S:`) of a connection, as smtp-server logs them at debug level with
// the connection id in `cid`. Secrets: smtp-server already replaces the argument of AUTH and
// every continuation line of an AUTH exchange by `/* secured */` before logging (SMTPConnection
// #_redactCredentials); wire tests check that no password or token reaches the journal.
// Cheap: strings kept as they are, no formatting; with `journal: null` the endpoints pass
// `logger: false` and smtp-server does no logging work at all.
import type { Journal } from '../mail/journal.ts';

interface LogEntry {
  readonly tnx?: string;
  readonly cid?: string;
}

type LogMethod = (entry: LogEntry | string, message?: unknown, ...args: unknown[]) => void;

export interface BunyanLikeLogger {
  readonly trace: LogMethod;
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly warn: LogMethod;
  readonly error: LogMethod;
  readonly fatal: LogMethod;
}

/** Journal connection id of a smtp-server session on an endpoint. */
export function journalConnectionId(endpoint: string, sessionId: string): string {
  return `${endpoint}-${sessionId}`;
}

const ignore: LogMethod = () => undefined;

export function createJournalLogger(journal: Journal, endpoint: string): BunyanLikeLogger {
  const debug: LogMethod = (entry, _message, ...args) => {
    if (typeof entry !== 'object' || entry.cid === undefined) return;
    const id = journalConnectionId(endpoint, entry.cid);
    switch (entry.tnx) {
      case 'command':
        journal.record(id, 'C', String(args[0] ?? ''));
        return;
      case 'send':
        recordReply(journal, id, String(args[0] ?? ''));
        return;
      case 'data':
        journal.record(id, 'C', `<${String(args[0] ?? '?')} octets de DATA>`);
        return;
      default:
        return;
    }
  };
  // SMTPConnection#_onError logs `(entry, '%s %s %s', id, remoteAddress, message)`: failed TLS
  // handshakes (a client refusing the certificate) and socket errors end up in the transcript.
  // A failed handshake is reported twice by smtp-server ('error' and '_tlsError'): kept once.
  let last = '';
  const error: LogMethod = (entry, _message, ...args) => {
    if (typeof entry !== 'object' || entry.tnx !== 'error' || typeof args[0] !== 'string') return;
    const id = journalConnectionId(endpoint, args[0]);
    const text = `erreur de connexion : ${String(args[2] ?? '').trim()}`;
    if (`${id} ${text}` === last) return;
    last = `${id} ${text}`;
    journal.record(id, '*', text);
  };
  return { trace: ignore, debug, info: ignore, warn: ignore, error, fatal: ignore };
}

/** Multi-line replies (EHLO) become one journal line per reply line. */
function recordReply(journal: Journal, id: string, payload: string): void {
  if (!payload.includes('\r\n')) {
    journal.record(id, 'S', payload);
    return;
  }
  for (const line of payload.split('\r\n')) journal.record(id, 'S', line);
}
