// The client certificate of an applicative (APP) mailbox (SC.MSS/CONF.12), as a vendor gets it:
// from the simulator's control API (`GET /api/pki/client-certificates/{adresse}`), PEM.
import type { ClientCertificateMaterial, TrustSpace } from '../../../simulator/public-api.ts';

export class ClientCertificateUnavailableError extends Error {
  readonly code = 'MSS_SIM_HARNESS_CLIENT_CERTIFICATE';
  constructor(address: string, status: number, body: string) {
    super(`Le simulateur n'a pas délivré le certificat client de ${address} (HTTP ${status}) : ${body}`);
    this.name = 'ClientCertificateUnavailableError';
  }
}

export async function fetchClientCertificate(space: TrustSpace, address: string): Promise<ClientCertificateMaterial> {
  const headers: Record<string, string> = space.actionToken ? { authorization: `Bearer ${space.actionToken}` } : {};
  const response = await fetch(`${space.endpoints.http.baseUrl}/api/pki/client-certificates/${encodeURIComponent(address)}`, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new ClientCertificateUnavailableError(address, response.status, text);
  const issued = JSON.parse(text) as { certificatePem: string; privateKeyPem: string };
  return { certificatePem: issued.certificatePem, privateKeyPem: issued.privateKeyPem };
}
