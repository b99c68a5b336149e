// How the reference client reaches its operator, from its configuration and its faults: the
// submission and IMAP settings (servers from configure or autoconfig, credential and APP client
// certificate from mail-session.ts) with the TLS of client-tls.ts. Two faulty variants first try to
// authenticate on the plain connection (clear-text-attempt.ts) and then connect properly: the
// credentials have travelled in clear all the same (SC.MSS/CONF.05, CONF.06).
import { imapAuthInClear, smtpAuthInClear } from './clear-text-attempt.ts';
import { clientTlsOptions } from './client-tls.ts';
import type { MailSession } from './mail-session.ts';
import type { MailboxAccessSettings } from './mailbox-access.ts';
import type { FaultSet } from './reference-fault.ts';
import { submit, type Envelope, type SubmissionOutcome } from './smtp-submission.ts';

/** Submits with STARTTLS then AUTH; fault `smtp-auth-before-starttls` tries AUTH in clear first. */
export async function submitToOperator(session: MailSession, faults: FaultSet, envelope: Envelope, raw: Buffer): Promise<SubmissionOutcome> {
  const { smtp } = await session.servers();
  const identity = await session.identity();
  if (faults.has('smtp-auth-before-starttls')) await smtpAuthInClear(smtp.host, smtp.port, session.address, identity.credential);
  return submit({ host: smtp.host, port: smtp.port, tls: clientTlsOptions(session.configuration.caCertificatePem, faults), ...identity }, envelope, raw);
}

/** IMAP settings; fault `imap-login-before-starttls` first authenticates on the plain STARTTLS port. */
export async function mailboxSettings(session: MailSession, faults: FaultSet): Promise<MailboxAccessSettings> {
  const { imap } = await session.servers();
  const identity = await session.identity();
  if (faults.has('imap-login-before-starttls') && imap.security === 'starttls') await imapAuthInClear(imap.host, imap.port, session.address, identity.credential);
  return { host: imap.host, port: imap.port, security: imap.security, tls: clientTlsOptions(session.configuration.caCertificatePem, faults), ...identity };
}
