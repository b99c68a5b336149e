// Who reports on a recipient: the simulated operator of the recipient's domain. Its first
// server host is the Reporting-MTA (RFC 3464 §2.2.2) and MAILER-DAEMON@<domain> the sender of
// the report (DOMAIN.md A1: `MAILER-DAEMON@patient.mssante.fr` for Mon espace santé).
import { randomBytes } from 'node:crypto';
import type { TrustSpaceView } from '../domain/trust-space-view.ts';

export interface ReportSource {
  readonly domain: string;
  readonly host: string;
  readonly mailerDaemon: string;
  newMessageId(now: Date): string;
}

const FALLBACK_HOST = 'mta.simulateur-mssante.test';

export function deliveryReportSource(recipient: string, view: TrustSpaceView): ReportSource {
  const domain = (recipient.split('@').pop() ?? '').toLowerCase();
  const operator = view.data.operators.find((o) => o.domains.some((d) => d.name.toLowerCase() === domain));
  const host = operator?.servers[0]?.host ?? FALLBACK_HOST;
  return {
    domain,
    host,
    mailerDaemon: `MAILER-DAEMON@${domain || host}`,
    newMessageId: (now) => `${now.getTime().toString(36)}.${randomBytes(6).toString('hex')}@${host}`,
  };
}
