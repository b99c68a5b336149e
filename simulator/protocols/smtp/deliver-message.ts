// End of DATA: the role's last check (From header on submission), then routing, then the reply.
// Routing must never take the process down: any exception becomes `451 4.3.0` and a connection
// note in the transcript, and the client may retry. Where the message went is the
// `message-accepted` observation the transmission log publishes.
import type { SMTPServerSession } from 'smtp-server';
import { indexMessage } from '../mime/message-reader.ts';
import type { SmtpTraceFacts } from '../mime/received-trace.ts';
import type { IncomingMessage, MailRouter, RouteResult } from '../../services/routing/incoming-message.ts';
import type { EndpointRole, ObserveConnection } from './endpoint-role.ts';
import { envelopeFromSession } from './envelope-from-session.ts';
import { REPLIES } from './replies.ts';
import { replyText, smtpError, type SmtpReply } from './smtp-reply.ts';

export type DeliveryOutcome = { readonly accepted: true; readonly text: string } | { readonly accepted: false; readonly error: Error };

export interface DeliveryDeps {
  readonly role: EndpointRole;
  readonly router: MailRouter;
  readonly connectionId: string;
  readonly receivedAt: Date;
  readonly observe: ObserveConnection;
  /** Observes a catalogue refusal's detail before the reply. */
  readonly refused: (reply: SmtpReply) => void;
  /** The server's name in its `Received` lines. */
  readonly serverName: string;
  /** The TLS version the session negotiated (`TLSv1.3`), when it is secured. */
  readonly tlsVersion?: string;
}

export function deliverMessage(raw: Buffer, session: SMTPServerSession, deps: DeliveryDeps): DeliveryOutcome {
  let result: RouteResult;
  try {
    const index = indexMessage(raw);
    const check = deps.role.checkMessage(index, session);
    if (!check.accepted) {
      deps.refused(check.reply);
      return { accepted: false, error: smtpError(check.reply) };
    }
    result = deps.router.route({ ...incomingMessage(raw, session, deps), index });
  } catch (error) {
    deps.observe?.({ type: 'connection-note', text: `erreur interne pendant l'acheminement, message refusé (451) : ${error instanceof Error ? error.message : String(error)}` });
    return { accepted: false, error: smtpError(REPLIES.routingFailed) };
  }
  // The transmission id lets a reader find the message as received: GET /api/transmissions/{id}.
  return { accepted: true, text: replyText(REPLIES.messageAccepted(result.transmissionId)) };
}

function incomingMessage(raw: Buffer, session: SMTPServerSession, deps: DeliveryDeps): IncomingMessage {
  const authenticatedMailbox = deps.role.authenticatedMailbox(session);
  const helo = session.hostNameAppearsAs;
  return {
    envelope: envelopeFromSession(session.envelope),
    raw,
    ingress: deps.role.ingress,
    connectionId: deps.connectionId,
    receivedAt: deps.receivedAt,
    ...(authenticatedMailbox !== undefined ? { authenticatedMailbox } : {}),
    ...(helo ? { clientHelo: helo } : {}),
    trace: traceFacts(session, deps),
  };
}

/** How this session received the message, for its `Received` line (received-trace.ts). */
function traceFacts(session: SMTPServerSession, deps: DeliveryDeps): SmtpTraceFacts {
  // The suite as smtp-server noted it; its `version` is the oldest TLS able to use the suite, not
  // the one negotiated: that one comes from the handshake.
  const cipher = session.secure ? (session.tlsOptions as { name?: string; standardName?: string } | false | undefined) : undefined;
  return {
    ...(session.hostNameAppearsAs ? { helo: session.hostNameAppearsAs } : {}),
    remoteAddress: session.remoteAddress,
    serverName: deps.serverName,
    extended: session.openingCommand === 'EHLO',
    ...(cipher ? { tls: { version: deps.tlsVersion ?? 'TLS', cipher: cipher.standardName ?? cipher.name ?? 'unknown' } } : {}),
    authenticated: session.user !== undefined && session.user !== false && session.user !== null,
    smtpUtf8: (session.envelope as { smtpUtf8?: boolean }).smtpUtf8 === true,
  };
}
