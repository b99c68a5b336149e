// Adapter from smtp-server's `logger` option (bunyan-style) to observations: every client line
// and server reply of a connection as `protocol-line` (as smtp-server logs them at debug level
// with the connection id in `cid`), and each command paired with its reply as a typed
// `smtp-exchange` (verb, address, transaction sender, code, enhanced status). Secrets:
// smtp-server already replaces the argument of AUTH and every continuation line of an AUTH
// exchange by `/* secured */` before logging (SMTPConnection#_redactCredentials); wire tests check
// that no password or token reaches the journal. With transcripts off the endpoints pass
// `logger: false` and smtp-server does no logging work at all.
import { addressKey } from '../../domain/address-key.ts';
import type { ObservationSink } from '../../observation/observation-sink.ts';
import type { SmtpReply } from './smtp-reply.ts';

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

/** Connection id of a smtp-server session on an endpoint (journal, flow, observations). */
export function smtpConnectionId(endpoint: string, sessionId: string): string {
  return `${endpoint}-${sessionId}`;
}

interface PendingCommand {
  readonly verb: string;
  readonly argument: string;
  readonly address?: string;
}

interface ConnectionState {
  /** The connection id (made once per connection, not per logged line). */
  readonly id: string;
  pending?: PendingCommand | undefined;
  /** Detail of the refusal the endpoint is about to answer (smtp-refusal), for the exchange. */
  detail?: string | undefined;
  /** Envelope sender of the open transaction, once MAIL FROM was accepted. */
  sender?: string | undefined;
}

const ignore: LogMethod = () => undefined;
const ADDRESS = /^(?:FROM|TO):\s*<([^>]*)>/i;
const REPLY = /^(\d{3})[ -](?:([245]\.\d{1,3}\.\d{1,3}) )?(.*)$/;

export interface SmtpObserver {
  /** The `logger` option of smtp-server. */
  readonly logger: BunyanLikeLogger;
  /** The endpoint refuses the current command with a catalogue reply: its detail is observed and joins the exchange. */
  refused(connectionId: string, reply: SmtpReply): void;
}

export function createSmtpObserver(sink: ObservationSink, endpoint: string): SmtpObserver {
  // By smtp-server session id (the `cid` of its log entries).
  const connections = new Map<string, ConnectionState>();
  const stateOf = (cid: string): ConnectionState => {
    let state = connections.get(cid);
    if (!state) connections.set(cid, (state = { id: smtpConnectionId(endpoint, cid), pending: undefined, detail: undefined, sender: undefined }));
    return state;
  };
  const prefix = `${endpoint}-`;
  const line = (connectionId: string, direction: 'C' | 'S', text: string) => sink.publish({ type: 'protocol-line', connectionId, direction, text });
  const debug: LogMethod = (entry, _message, ...args) => {
    if (typeof entry !== 'object' || entry.cid === undefined) return;
    const tnx = entry.tnx;
    if (tnx !== 'command' && tnx !== 'send' && tnx !== 'data') return;
    const state = stateOf(entry.cid);
    const id = state.id;
    switch (tnx) {
      case 'command': {
        const text = String(args[0] ?? '');
        line(id, 'C', text);
        state.pending = parseCommand(text);
        return;
      }
      case 'send': {
        const payload = String(args[0] ?? '');
        for (const text of payload.includes('\r\n') ? payload.split('\r\n') : [payload]) line(id, 'S', text);
        exchange(sink, endpoint, id, state, payload);
        return;
      }
      case 'data':
        line(id, 'C', `<${String(args[0] ?? '?')} octets de DATA>`);
        state.pending = { verb: 'DATA-END', argument: String(args[0] ?? '') };
        return;
      default:
        return;
    }
  };
  // SMTPConnection#_onError logs `(entry, '%s %s %s', id, remoteAddress, message)`: failed TLS
  // handshakes (a client refusing the certificate) and socket errors. A failed handshake is
  // reported twice by smtp-server ('error' and '_tlsError', the second without the final line
  // break): kept once.
  let last = '';
  const error: LogMethod = (entry, _message, ...args) => {
    if (typeof entry !== 'object' || entry.tnx !== 'error' || typeof args[0] !== 'string') return;
    const connectionId = smtpConnectionId(endpoint, args[0]);
    const text = String(args[2] ?? '').trim();
    if (`${connectionId} ${text}` === last) return;
    last = `${connectionId} ${text}`;
    // A failed STARTTLS handshake is also a typed `tls-failed`, published by the STARTTLS hook
    // (starttls-observation.ts); here it is the connection error the transcript shows.
    sink.publish({ type: 'connection-error', connectionId, message: text });
  };
  // `close` (info level): the connection's state is forgotten.
  const info: LogMethod = (entry) => {
    if (typeof entry === 'object' && entry.tnx === 'close' && entry.cid !== undefined) connections.delete(entry.cid);
  };
  return {
    logger: { trace: ignore, debug, info, warn: ignore, error, fatal: ignore },
    refused(connectionId, reply) {
      if (reply.detail === undefined) return;
      // The endpoint names connections by smtpConnectionId: the session id follows the prefix.
      if (connectionId.startsWith(prefix)) stateOf(connectionId.slice(prefix.length)).detail = reply.detail;
      sink.publish({ type: 'smtp-refusal', connectionId, code: reply.code, enhanced: reply.enhanced, detail: reply.detail });
    },
  };
}

function parseCommand(text: string): PendingCommand {
  const space = text.indexOf(' ');
  const verb = (space < 0 ? text : text.slice(0, space)).toUpperCase();
  const argument = space < 0 ? '' : text.slice(space + 1);
  const found = verb === 'MAIL' || verb === 'RCPT' ? ADDRESS.exec(argument)?.[1] : undefined;
  const address = found === undefined ? undefined : addressKey(found);
  return { verb, argument, ...(address !== undefined ? { address } : {}) };
}

/** Pairs a reply with the command it answers; tracks the transaction's sender. */
function exchange(sink: ObservationSink, endpoint: string, connectionId: string, state: ConnectionState, payload: string): void {
  const command = state.pending;
  const detail = state.detail;
  state.detail = undefined; // not `delete`: the state keeps its shape (a fast object)
  if (!command) return; // the greeting, or a reply to an AUTH continuation line
  state.pending = undefined;
  const lines = payload.split('\r\n');
  const reply = REPLY.exec(lines[lines.length - 1] ?? '');
  const code = Number(reply?.[1] ?? 0);
  if (command.verb === 'MAIL' && code >= 200 && code < 300) state.sender = command.address ?? '';
  sink.publish({
    type: 'smtp-exchange',
    connectionId,
    endpoint,
    verb: command.verb,
    argument: command.argument,
    ...(command.address !== undefined ? { address: command.address } : {}),
    ...(state.sender !== undefined && (command.verb === 'RCPT' || command.verb === 'DATA' || command.verb === 'DATA-END') ? { transactionSender: state.sender } : {}),
    code,
    ...(reply?.[2] ? { enhanced: reply[2] } : {}),
    text: reply?.[3] ?? payload,
    ...(detail !== undefined ? { detail } : {}),
  });
  if (command.verb === 'DATA-END' || command.verb === 'RSET' || (command.verb === 'MAIL' && code >= 400)) state.sender = undefined;
}
