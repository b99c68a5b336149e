// What the command handlers work with: the session state (RFC 3501 §3: not authenticated,
// authenticated, selected, logout), the parsed command, the completion they return, and the
// connection's I/O as a port (imap-connection.ts implements it; tests may fake it).
import type { AuthAttempt } from '../../../observation/observation.ts';
import type { PeerCertificate } from 'node:tls';
import type { AuthMethod, MailboxAuthenticator } from '../../../services/auth/mailbox-authenticator.ts';
import type { MessageStore } from '../../../services/store/message-store.ts';
import type { FolderView } from '../mailbox/folder-view.ts';
import type { MailboxRegistry } from '../mailbox/mailbox-registry.ts';
import type { ArgumentReader } from '../protocol/argument-reader.ts';
import type { WireChunk } from '../protocol/wire-builder.ts';

export interface Account {
  /** Canonical mailbox address, as the authenticator returned it. */
  readonly mailbox: string;
  readonly sessionId: string;
  readonly method: AuthMethod;
}

export type SessionState =
  | { readonly kind: 'not-authenticated' }
  | { readonly kind: 'authenticated'; readonly account: Account }
  | { readonly kind: 'selected'; readonly account: Account; readonly view: FolderView }
  | { readonly kind: 'logout' };

export type StateKind = SessionState['kind'];

export interface ImapCommand {
  readonly tag: string;
  /** Upper-case command name, without the UID prefix. */
  readonly name: string;
  readonly uid: boolean;
  readonly args: ArgumentReader;
}

export interface Completion {
  readonly status: 'OK' | 'NO' | 'BAD';
  /** Response code without brackets, e.g. `READ-WRITE` or `COPYUID 1 2 3`. */
  readonly code?: string;
  readonly text: string;
  /** Runs after the tagged response was written (STARTTLS negotiation, LOGOUT close). */
  readonly after?: () => Promise<void> | void;
}

export interface SessionIo {
  /** Writes one untagged or continuation line (CRLF added). */
  sendLine(line: string): void;
  /** Writes a response built with literals (FETCH); CRLF added. */
  sendChunks(chunks: readonly WireChunk[]): void;
  /** Resolves once the socket can take more (backpressure). */
  flush(): Promise<void>;
  /** The next client line (AUTHENTICATE continuation, IDLE's DONE); null when the client left. */
  readLine(options?: { readonly secret?: boolean }): Promise<string | null>;
  readonly secure: boolean;
  /** STARTTLS (RFC 3501 §6.2.1): negotiates TLS on the current socket. */
  startTls(): Promise<void>;
  clientCertificate(): PeerCertificate | undefined;
  /** A fact line in the journal (`*`). */
  fact(text: string): void;
  /** An AUTHENTICATE or LOGIN attempt and its outcome (an `auth` observation). */
  authAttempt(attempt: ImapAuthAttempt): void;
  /** A tagged completion was written (an `imap-command` observation). */
  completed(command: { readonly tag: string; readonly verb: string; readonly status: Completion['status']; readonly code?: string }): void;
  /** The connection now belongs to an authenticated session (for revocation, SC.MSS/CONF.10). */
  authenticated(account: Account): void;
  /** Ends the connection after what was written. */
  close(): void;
}

/** An AUTH observation before the connection names it (reason: an authenticator reason or `authzid-mismatch`). */
export type ImapAuthAttempt = Omit<AuthAttempt, 'type' | 'connectionId' | 'protocol'>;

export interface SessionServices {
  readonly registry: MailboxRegistry;
  readonly store: MessageStore;
  readonly authenticator: MailboxAuthenticator;
  readonly now: () => Date;
  readonly tlsMode: 'starttls' | 'implicit';
}

export interface SessionContext {
  readonly io: SessionIo;
  readonly services: SessionServices;
  state: SessionState;
  authFailures: number;
}

export type CommandHandler = (command: ImapCommand, session: SessionContext) => Promise<Completion> | Completion;

export function ok(text: string, code?: string): Completion {
  return code === undefined ? { status: 'OK', text } : { status: 'OK', code, text };
}

export function no(text: string, code?: string): Completion {
  return code === undefined ? { status: 'NO', text } : { status: 'NO', code, text };
}

export function bad(text: string): Completion {
  return { status: 'BAD', text };
}
