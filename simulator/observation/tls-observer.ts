// What the endpoints report about TLS, per connection, for the observation bus: what the client
// offered (its ClientHello, peek-client-hello.ts), what was negotiated, or why the handshake
// failed. One optional object of callbacks, threaded through the SMTP and IMAP endpoint options
// (`tlsObserver`); connection ids are the journal's (`submission-<session id>`, `imap-<n>`).
import type { TLSSocket } from 'node:tls';
import type { ClientHelloReading } from './client-hello.ts';

export interface TlsEstablished {
  /** `TLSv1.3` style, as Node reports it. */
  readonly protocol: string;
  /** IANA name of the negotiated suite (`TLS_AES_256_GCM_SHA384`). */
  readonly cipherSuite: string;
  /** Subject CN of the client certificate, when one was presented (trusted or not). */
  readonly clientCertificateSubject?: string;
  /** Whether that certificate chains to a CA the endpoint trusts. */
  readonly clientCertificateTrusted?: boolean;
  /** Why it is not trusted, when it is not. */
  readonly clientCertificateError?: string;
  readonly sni?: string;
}

export interface TlsFailure {
  /** OpenSSL's or Node's message (`… tlsv1 alert unknown ca`), or what happened to the connection. */
  readonly reason: string;
  /** Node's error code (`ERR_SSL_WRONG_VERSION_NUMBER`, `ECONNRESET`), when there is one. */
  readonly code?: string;
  /** The TLS alert named in the reason (`unknown ca`), when the failure is an alert. */
  readonly alert?: string;
}

export interface TlsObserver {
  /** Once per TLS handshake attempt, before the handshake: what the client's first TLS record offered. */
  readonly onClientHello?: (connectionId: string, reading: ClientHelloReading) => void;
  readonly onTlsEstablished?: (connectionId: string, session: TlsEstablished) => void;
  readonly onTlsFailure?: (connectionId: string, failure: TlsFailure) => void;
}

/** The negotiated session of a socket whose handshake completed. */
export function tlsEstablished(socket: TLSSocket): TlsEstablished {
  const cipher = socket.getCipher();
  const peer = socket.getPeerCertificate();
  const subject = peer && Object.keys(peer).length > 0 ? String(peer.subject?.CN ?? '?') : undefined;
  const servername = (socket as TLSSocket & { servername?: string | false }).servername;
  return {
    protocol: socket.getProtocol() ?? '?',
    cipherSuite: cipher.standardName ?? cipher.name,
    ...(subject !== undefined ? { clientCertificateSubject: subject, clientCertificateTrusted: socket.authorized } : {}),
    ...(subject !== undefined && !socket.authorized ? { clientCertificateError: String(socket.authorizationError) } : {}),
    ...(typeof servername === 'string' && servername !== '' ? { sni: servername } : {}),
  };
}

/** A failure from what ended the handshake: an error, or a text saying what happened. */
export function tlsFailure(cause: Error | string): TlsFailure {
  const reason = typeof cause === 'string' ? cause : cause.message;
  const code = typeof cause === 'string' ? undefined : (cause as { code?: unknown }).code;
  const alert = /alert ([a-z0-9 _]+?)\s*$/i.exec(reason)?.[1];
  return { reason, ...(typeof code === 'string' ? { code } : {}), ...(alert !== undefined ? { alert } : {}) };
}
