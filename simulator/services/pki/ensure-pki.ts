// The simulator's test PKI on disk (REG-TLS-04): a CA standing in for IGC-Santé and one
// server certificate for every simulated host, generated on first start, kept across restarts,
// regenerated when expired or expiring within 7 days or when the host names changed. The CA
// certificate path is what clients are told to trust.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCa, generateServerCertificate, type KeyAndCertificate } from './generate-certificates.ts';
import { readIfPresent, writePair } from './pki-files.ts';
import { decideRenewal, type PkiFiles, type RenewalDecision } from './renewal-decision.ts';
import { withFileLock } from './with-file-lock.ts';

export const PKI_FILE_NAMES = {
  caCert: 'ca.crt.pem',
  caKey: 'ca.key.pem',
  serverCert: 'server.crt.pem',
  serverKey: 'server.key.pem',
} as const;

export interface EnsurePkiOptions {
  /** Folder holding the four PEM files; created if missing. */
  readonly dir: string;
  /** Host names the server certificate must carry (`localhost`, 127.0.0.1 and ::1 are always added). */
  readonly hostNames: readonly string[];
  readonly now: () => Date;
}

export interface Pki {
  readonly caCertPem: string;
  readonly caKeyPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
  readonly caCertPath: string;
  readonly caKeyPath: string;
  readonly serverCertPath: string;
  readonly serverKeyPath: string;
  /** What this call did: reused files, or (re)generated them and why. */
  readonly renewal: RenewalDecision;
}

export async function ensurePki(options: EnsurePkiOptions): Promise<Pki> {
  await mkdir(options.dir, { recursive: true });
  return withFileLock(options.dir, () => ensureLocked(options));
}

async function ensureLocked(options: EnsurePkiOptions): Promise<Pki> {
  const paths = pkiPaths(options.dir);
  const files = await readPkiFiles(paths);
  const now = options.now();
  const renewal = decideRenewal(files, options.hostNames, now);
  const ca = renewal.ca.renew ? await generateCa(now) : { certPem: files.caCertPem ?? '', keyPem: files.caKeyPem ?? '' };
  if (renewal.ca.renew) await writePair(paths.caCertPath, paths.caKeyPath, ca);
  const server = renewal.server.renew
    ? await generateServerCertificate(ca, options.hostNames, now)
    : { certPem: files.serverCertPem ?? '', keyPem: files.serverKeyPem ?? '' };
  if (renewal.server.renew) await writePair(paths.serverCertPath, paths.serverKeyPath, server);
  return { ...paths, caCertPem: ca.certPem, caKeyPem: ca.keyPem, serverCertPem: server.certPem, serverKeyPem: server.keyPem, renewal };
}

interface PkiPaths {
  readonly caCertPath: string;
  readonly caKeyPath: string;
  readonly serverCertPath: string;
  readonly serverKeyPath: string;
}

function pkiPaths(dir: string): PkiPaths {
  return {
    caCertPath: join(dir, PKI_FILE_NAMES.caCert),
    caKeyPath: join(dir, PKI_FILE_NAMES.caKey),
    serverCertPath: join(dir, PKI_FILE_NAMES.serverCert),
    serverKeyPath: join(dir, PKI_FILE_NAMES.serverKey),
  };
}

async function readPkiFiles(paths: PkiPaths): Promise<PkiFiles> {
  const [caCertPem, caKeyPem, serverCertPem, serverKeyPem] = await Promise.all(
    [paths.caCertPath, paths.caKeyPath, paths.serverCertPath, paths.serverKeyPath].map(readIfPresent),
  );
  return { caCertPem, caKeyPem, serverCertPem, serverKeyPem };
}
