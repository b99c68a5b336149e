// The peer endpoint: MTA to MTA, for mail arriving from other (simulated or vendor-run)
// operators and for load tests (REG-LB-05, REG-DEC-02; bench/smtp-bench.ts). No AUTH; STARTTLS offered when TLS
// material is given but optional (test mode: real operators use mutual TLS with IGC-Santé
// certificates, REG-LB-05); any sender, including the null path of bounces (RFC 5321
// §4.5.5); recipients only on the simulated operators' domains, never relayed elsewhere; the
// same liste blanche and strict-mode rules as submission (accept-recipient.ts).
import { ACCEPTED } from './policies/verdict.ts';
import type { EndpointRole } from './endpoint-role.ts';
import { SmtpEndpoint } from './smtp-endpoint.ts';
import type { SmtpEndpointOptions } from './smtp-endpoint-options.ts';
import { tlsServerOptions, type EndpointTls } from './tls-settings.ts';

export interface PeerEndpointOptions extends SmtpEndpointOptions {
  /** STARTTLS is offered only when TLS material is given. */
  readonly tls?: EndpointTls;
}

export function createPeerEndpoint(options: PeerEndpointOptions): SmtpEndpoint {
  return new SmtpEndpoint(peerRole(options.tls), options);
}

function peerRole(tls: EndpointTls | undefined): EndpointRole {
  return {
    name: 'peer',
    ingress: 'peer',
    serverOptions: () => ({
      ...(tls ? tlsServerOptions(tls) : {}),
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    }),
    senderContext: () => ({ endpoint: 'peer' }),
    checkMessage: () => ACCEPTED,
    authenticatedMailbox: () => undefined,
  };
}
