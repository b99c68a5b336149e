// The client's connections to its operator as the simulator observed them (REG-DEC-04): for
// each connection to the submission or IMAP endpoints, what the client offered in TLS, the
// session negotiated or the handshake failure, and the commands that carry credentials or
// start mail (AUTH, LOGIN, AUTHENTICATE, MAIL FROM), with whether TLS was already up. Built from
// typed observations only, in publication order. Pure.
import type { ClientHelloReading, ConnectionOpened, ImapCommandCompleted, Observed, SmtpExchange, TlsClientHello, TlsEstablished, TlsFailed, TrustSpaceObservations } from '../../../simulator/public-api.ts';

/** The endpoints a client under test talks to; `peer` is for other operators. */
export const CLIENT_ENDPOINTS: ReadonlySet<string> = new Set(['submission', 'imap', 'imaps']);

export interface SensitiveCommand {
  /** `AUTH`, `LOGIN`, `AUTHENTICATE` or `MAIL`. */
  readonly verb: string;
  /** TLS was established on this connection before the command. */
  readonly underTls: boolean;
}

export interface ClientConnection {
  readonly id: string;
  /** `submission`, `imap`, `imaps`. */
  readonly endpoint: string;
  readonly offers: readonly ClientHelloReading[];
  readonly established?: { readonly protocol: string; readonly cipherSuite: string };
  readonly failure?: { readonly reason: string; readonly alert?: string };
  readonly commands: readonly SensitiveCommand[];
}

/** The observations this reader needs, merged in publication order by `seq`. */
export type ConnectionObservation = Observed<ConnectionOpened | TlsClientHello | TlsEstablished | TlsFailed | SmtpExchange | ImapCommandCompleted>;

const TYPES = ['connection-opened', 'tls-client-hello', 'tls-established', 'tls-failed', 'smtp-exchange', 'imap-command'] as const;
const SMTP_SENSITIVE = new Set(['AUTH', 'MAIL']);
const IMAP_SENSITIVE = new Set(['LOGIN', 'AUTHENTICATE']);

/** Every kept observation these readers need, in publication order. */
export function connectionObservations(observations: Pick<TrustSpaceObservations, 'list'>): ConnectionObservation[] {
  return TYPES.flatMap((type) => observations.list(type) as ConnectionObservation[]).sort((a, b) => a.seq - b.seq);
}

interface Draft {
  endpoint?: string;
  offers: ClientHelloReading[];
  established?: { protocol: string; cipherSuite: string };
  failure?: { reason: string; alert?: string };
  commands: SensitiveCommand[];
}

/** The client-facing connections, in the order they were first seen. */
export function clientConnections(observations: readonly ConnectionObservation[]): ClientConnection[] {
  const drafts = new Map<string, Draft>();
  const draft = (id: string): Draft => {
    let found = drafts.get(id);
    if (!found) drafts.set(id, (found = { offers: [], commands: [] }));
    return found;
  };
  for (const o of [...observations].sort((a, b) => a.seq - b.seq)) {
    const d = draft(o.connectionId);
    if (o.type === 'connection-opened') d.endpoint = o.endpoint;
    else if (o.type === 'tls-client-hello') d.offers.push(o.offer);
    else if (o.type === 'tls-established') d.established = { protocol: o.protocol, cipherSuite: o.cipherSuite };
    else if (o.type === 'tls-failed') d.failure = { reason: o.reason, ...(o.alert !== undefined ? { alert: o.alert } : {}) };
    else if (o.type === 'smtp-exchange' && SMTP_SENSITIVE.has(o.verb)) d.commands.push({ verb: o.verb, underTls: d.established !== undefined });
    else if (o.type === 'imap-command' && IMAP_SENSITIVE.has(o.verb)) d.commands.push({ verb: o.verb, underTls: d.established !== undefined });
  }
  const connections: ClientConnection[] = [];
  for (const [id, d] of drafts) {
    if (d.endpoint === undefined || !CLIENT_ENDPOINTS.has(d.endpoint)) continue;
    connections.push({ id, endpoint: d.endpoint, offers: d.offers, commands: d.commands, ...(d.established ? { established: d.established } : {}), ...(d.failure ? { failure: d.failure } : {}) });
  }
  return connections;
}
