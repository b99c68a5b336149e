// Thunderbird-style autoconfiguration (SC.MSS/CONF.04, REG-CFG-01): for a mailbox address,
// `config-v1.1.xml` names the operator and points at the simulator's IMAP (when it runs) and
// SMTP submission endpoints, both STARTTLS (SC.MSS/CONF.05, CONF.06), with OAuth2 (XOAUTH2 and
// a Pro Santé Connect token, SC.MSS/CONF.07) then the simulator's test passwords.
import { domainKey } from '../../domain/address-key.ts';
import { PATIENT_DOMAIN, type Operator } from '../../domain/model.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { xmlText } from './xml-text.ts';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** Where clients reach the simulator; `imap` is absent until an IMAP endpoint runs. */
export interface MailEndpoints {
  readonly imap?: HostPort;
  readonly smtp: HostPort;
}

export const AUTOCONFIG_PATHS = ['/mail/config-v1.1.xml', '/.well-known/autoconfig/mail/config-v1.1.xml'] as const;

/**
 * The domain asked about: from `emailaddress` (after its last `@`), else from a Host named
 * `autoconfig.<domain>`. Undefined unless a simulated operator hosts it; the patient domain is
 * left out (patients use the Mon espace santé app, not a mail client).
 */
export function autoconfigDomain(view: TrustSpaceView, emailAddress: string | null, host: string | null): { domain: string; operator: Operator } | undefined {
  const fromAddress = emailAddress === null ? undefined : emailAddress.slice(emailAddress.lastIndexOf('@') + 1);
  const fromHost = (host === null ? undefined : domainKey(host.replace(/:\d+$/, '')))?.match(/^autoconfig\.(.+)$/)?.[1];
  const domain = domainKey(fromAddress ?? fromHost ?? '');
  if (domain === '' || domain === PATIENT_DOMAIN || !view.isSimulatedDomain(domain)) return undefined;
  const operator = view.data.operators.find((o) => o.domains.some((d) => domainKey(d.name) === domain));
  return operator ? { domain, operator } : undefined;
}

export function autoconfigXml(domain: string, operator: Operator, endpoints: MailEndpoints): string {
  const server = (kind: 'incomingServer' | 'outgoingServer', type: string, at: HostPort) => [
    `    <${kind} type="${type}">`,
    `      <hostname>${xmlText(at.host)}</hostname>`,
    `      <port>${at.port}</port>`,
    '      <socketType>STARTTLS</socketType>',
    '      <authentication>OAuth2</authentication>',
    '      <authentication>password-cleartext</authentication>',
    '      <username>%EMAILADDRESS%</username>',
    `    </${kind}>`,
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<clientConfig version="1.1">',
    `  <emailProvider id="${xmlText(domain)}">`,
    `    <domain>${xmlText(domain)}</domain>`,
    `    <displayName>${xmlText(operator.name)}</displayName>`,
    `    <displayShortName>${xmlText(operator.id)}</displayShortName>`,
    ...(endpoints.imap ? server('incomingServer', 'imap', endpoints.imap) : []),
    ...server('outgoingServer', 'smtp', endpoints.smtp),
    '  </emailProvider>',
    '</clientConfig>',
    '',
  ].join('\n');
}
