// GET /api/pki/client-certificates/{mailbox}: the client certificate (ORG AUTH_CLI stand-in)
// and private key of an applicative mailbox, so that a vendor can configure its software for
// SC.MSS/CONF.12 (TLS client certificate, then AUTH PLAIN with the mailbox address). Issued by
// the test CA on first request and kept in the PKI folder (simulator/services/pki/client-certificates.ts),
// whose file paths are given too. Test material only: the control API listens on loopback.
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import type { ClientCertificateStore } from '../../services/pki/client-certificates.ts';
import { apiErrors } from '../api-errors.ts';
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import { authApiErrors } from './auth-api-errors.ts';
import { pathParam } from './control-api-deps.ts';

export interface ClientCertificateRouteDeps {
  readonly view: () => TrustSpaceView;
  readonly clientCertificates: ClientCertificateStore;
  readonly caCertPem: string;
}

export function clientCertificateRoutes(deps: ClientCertificateRouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/pki/client-certificates/{mailbox}',
      handler: async (context) => {
        const address = pathParam(context, 'mailbox');
        const view = deps.view();
        const mailbox = view.mailbox(address);
        if (!mailbox) throw apiErrors.unknownMailbox(address);
        if (mailbox.type !== 'APP') throw authApiErrors.notAppMailbox(mailbox.address, mailbox.type);
        const organisation = mailbox.owner.kind === 'organisation' ? view.organisation(mailbox.owner.organisationId) : undefined;
        const issued = await deps.clientCertificates.get(mailbox, organisation);
        return json({
          mailbox: mailbox.address,
          certificatePem: issued.certPem,
          privateKeyPem: issued.keyPem,
          caCertificatePem: deps.caCertPem,
          notAfter: issued.notAfter.toISOString(),
          files: { certificate: issued.certPath, privateKey: issued.keyPath },
        });
      },
    },
  ];
}
