// How the reference client configures itself from a mailbox address (SC.MSS/CONF.04): it reads
// the Thunderbird autoconfig document (`config-v1.1.xml`, incomingServer IMAP and outgoingServer
// SMTP with their socket type) and connects where it says. The URL is the one `configure` gives
// in place of `https://autoconfig.<domaine>/mail/config-v1.1.xml` (no test DNS resolves that).
import { XMLParser } from 'fast-xml-parser';

export interface DiscoveredServers {
  readonly smtp: { readonly host: string; readonly port: number; readonly security: 'starttls' };
  readonly imap: { readonly host: string; readonly port: number; readonly security: 'starttls' | 'tls' };
}

export class AutoconfigError extends Error {
  readonly code = 'MSS_SIM_DRIVER_AUTOCONFIG';
  constructor(readonly url: string, detail: string) {
    super(`Configuration automatique impossible depuis ${url} : ${detail}.`);
    this.name = 'AutoconfigError';
  }
}

interface XmlServer {
  readonly '@_type'?: string;
  readonly hostname?: string;
  readonly port?: number | string;
  readonly socketType?: string;
}

/** The servers of the document; an AutoconfigError when one is missing or not secured. */
export function serversOfAutoconfig(xml: string, url: string): DiscoveredServers {
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'incomingServer' || name === 'outgoingServer' }).parse(xml) as {
    clientConfig?: { emailProvider?: { incomingServer?: XmlServer[]; outgoingServer?: XmlServer[] } };
  };
  const provider = parsed.clientConfig?.emailProvider;
  const imap = provider?.incomingServer?.find((s) => s['@_type'] === 'imap');
  const smtp = provider?.outgoingServer?.find((s) => s['@_type'] === 'smtp');
  if (!imap || !smtp) throw new AutoconfigError(url, 'le document ne décrit pas de serveur IMAP et SMTP');
  const imapSecurity = imap.socketType === 'SSL' ? 'tls' : imap.socketType === 'STARTTLS' ? 'starttls' : undefined;
  if (imapSecurity === undefined || smtp.socketType !== 'STARTTLS') throw new AutoconfigError(url, 'un serveur y est annoncé sans TLS');
  return {
    smtp: { host: String(smtp.hostname ?? ''), port: Number(smtp.port), security: 'starttls' },
    imap: { host: String(imap.hostname ?? ''), port: Number(imap.port), security: imapSecurity },
  };
}

export async function fetchAutoconfig(url: string, address: string): Promise<DiscoveredServers> {
  const target = new URL(url);
  target.searchParams.set('emailaddress', address);
  const response = await fetch(target);
  if (response.status !== 200) throw new AutoconfigError(url, `réponse HTTP ${response.status}`);
  return serversOfAutoconfig(await response.text(), url);
}
