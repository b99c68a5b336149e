// Who the reference client says it is and what it can do (the driver protocol's `capabilities`),
// apart from the driver itself so that the conformance command reads them at start without
// loading the client and the simulator behind it.
import type { DriverCapabilities } from './client-driver.ts';

export const REFERENCE_CLIENT = { name: 'Client de référence du simulateur MSSanté', version: '0.1.0', vendor: 'mssante-simulateur' } as const;

/** Every capability, faulty variants included (a variant misbehaves; it declares the same). */
export function referenceCapabilities(): DriverCapabilities {
  return {
    client: REFERENCE_CLIENT,
    capabilities: ['patient-messaging', 'end-conversation-subject', 'end-conversation-header', 'directory-search', 'mailbox-sync', 'delivery-receipts', 'read-receipts', 'reply', 'documents', 'documents-reception', 'psc-authentication', 'session-reopening', 'app-mailbox', 'autoconfig'],
    parallel: true,
  };
}
