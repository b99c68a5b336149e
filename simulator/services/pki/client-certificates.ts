// The client certificates of the applicative (APP) mailboxes (SC.MSS/CONF.12), kept in the PKI
// data folder so that a vendor can configure its software with them: `clients/<address>.crt.pem`
// and `clients/<address>.key.pem`. Issued on first request, reused across restarts while still
// issued by the current CA, naming the mailbox and valid for more than 7 days; reissued
// otherwise. No PKCS#12 file (no dependency-free way to build one): a vendor who needs one runs
// `openssl pkcs12 -export -in <adresse>.crt.pem -inkey <adresse>.key.pem -out <adresse>.p12`.
import { addressKey } from '../../domain/address-key.ts';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mailbox, Organisation } from '../../domain/model.ts';
import { issueClientCertificate } from './generate-client-certificate.ts';
import { readIfPresent, writePair } from './pki-files.ts';
import { RENEWAL_MARGIN_MS } from './renewal-decision.ts';
import { withFileLock } from './with-file-lock.ts';
import type { KeyAndCertificate } from './x509-tools.ts';

export interface ClientCertificate extends KeyAndCertificate {
  /** Lower-cased mailbox address named in the SAN (rfc822Name). */
  readonly mailbox: string;
  readonly certPath: string;
  readonly keyPath: string;
  readonly notAfter: Date;
  /** Whether this call generated the pair (`false`: reused from disk). */
  readonly issued: boolean;
}

export interface ClientCertificateStoreOptions {
  /** The PKI folder (the one of ensurePki); certificates go to its `clients` sub-folder. */
  readonly dir: string;
  readonly ca: KeyAndCertificate;
  readonly now: () => Date;
}

export interface ClientCertificateStore {
  get(mailbox: Pick<Mailbox, 'address'>, organisation?: Organisation): Promise<ClientCertificate>;
}

export function createClientCertificateStore(options: ClientCertificateStoreOptions): ClientCertificateStore {
  const dir = join(options.dir, 'clients');
  return {
    async get(mailbox, organisation) {
      await mkdir(dir, { recursive: true });
      return withFileLock(dir, async () => {
        const address = addressKey(mailbox.address);
        const certPath = join(dir, `${fileStem(address)}.crt.pem`);
        const keyPath = join(dir, `${fileStem(address)}.key.pem`);
        const [certPem, keyPem] = await Promise.all([readIfPresent(certPath), readIfPresent(keyPath)]);
        const now = options.now();
        if (certPem !== undefined && keyPem !== undefined && reusable({ certPem, keyPem }, options.ca, address, now)) {
          return { mailbox: address, certPem, keyPem, certPath, keyPath, notAfter: new Date(new X509Certificate(certPem).validTo), issued: false };
        }
        const pair = await issueClientCertificate({ mailbox: { address }, ...(organisation ? { organisation } : {}) }, options.ca, now);
        await writePair(certPath, keyPath, pair);
        return { mailbox: address, ...pair, certPath, keyPath, notAfter: new Date(new X509Certificate(pair.certPem).validTo), issued: true };
      });
    },
  };
}

/** A file name safe on every system: the address, with anything unusual replaced by `_`. */
export function fileStem(address: string): string {
  return addressKey(address).replace(/[^a-z0-9@._+-]/g, '_');
}

function reusable(pair: KeyAndCertificate, ca: KeyAndCertificate, address: string, now: Date): boolean {
  try {
    const cert = new X509Certificate(pair.certPem);
    const authority = new X509Certificate(ca.certPem);
    if (!cert.checkIssued(authority) || !cert.verify(authority.publicKey)) return false;
    if (new Date(cert.validTo).getTime() - now.getTime() <= RENEWAL_MARGIN_MS) return false;
    if (new Date(cert.validFrom).getTime() > now.getTime()) return false;
    if ((cert.subjectAltName ?? '').toLowerCase() !== `email:${address}`) return false;
    return cert.checkPrivateKey(createPrivateKey(pair.keyPem));
  } catch {
    return false;
  }
}
