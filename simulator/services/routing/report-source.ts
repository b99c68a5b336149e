// Who reports on a recipient: the simulated operator of the recipient's domain. Its first
// server host is the Reporting-MTA (RFC 3464 §2.2.2) and MAILER-DAEMON@<domain> the sender of
// the report (REG-ANR-02: `MAILER-DAEMON@patient.mssante.fr` for Mon espace santé).
import { domainKey } from '../../domain/address-key.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { uniqueToken } from '../../protocols/mime/unique-token.ts';

export interface ReportSource {
  readonly domain: string;
  readonly host: string;
  readonly mailerDaemon: string;
  newMessageId(now: Date): string;
}

const FALLBACK_HOST = 'mta.simulateur-mssante.test';

/** One source per (view, domain): views are immutable, and bounces repeat the same domains. */
const sources = new WeakMap<TrustSpaceView, Map<string, ReportSource>>();

export function deliveryReportSource(recipient: string, view: TrustSpaceView): ReportSource {
  const domain = domainKey(recipient.slice(recipient.lastIndexOf('@') + 1));
  let byDomain = sources.get(view);
  if (!byDomain) sources.set(view, (byDomain = new Map()));
  let source = byDomain.get(domain);
  if (!source) byDomain.set(domain, (source = createSource(domain, view)));
  return source;
}

function createSource(domain: string, view: TrustSpaceView): ReportSource {
  const operator = view.data.operators.find((o) => o.domains.some((d) => domainKey(d.name) === domain));
  const host = operator?.servers[0]?.host ?? FALLBACK_HOST;
  return {
    domain,
    host,
    // A domain no simulated operator hosts is never the sender of a report: the simulator's own host is.
    mailerDaemon: `MAILER-DAEMON@${operator ? domain : host}`,
    newMessageId: (now) => `${now.getTime().toString(36)}.${uniqueToken()}@${host}`,
  };
}
