// The smtp-server version that the files reaching into its internals (no-greeting-delay.ts,
// starttls-observation.ts) were checked against, and the error they throw at load time when the
// installed library differs, instead of silently running with a broken connection setup.
import { createRequire } from 'node:module';

/** smtp-server versions whose internals were checked. */
const SUPPORTED_VERSION = /^3\.21\.\d+$/;

export class SmtpLibraryChangedError extends Error {
  readonly code = 'MSS_SIM_SMTP_LIBRARY_CHANGED';
  constructor(detail: string, file = 'simulator/protocols/smtp/no-greeting-delay.ts') {
    super(`smtp-server internals changed (${detail}): review ${file} before upgrading`);
    this.name = 'SmtpLibraryChangedError';
  }
}

/** What is wrong with the version, or undefined when it is a checked one. */
export function versionProblem(version: string): string | undefined {
  return SUPPORTED_VERSION.test(version) ? undefined : `version ${version}, expected 3.21.x`;
}

export function installedSmtpServerVersion(): string {
  return (createRequire(import.meta.url)('smtp-server/package.json') as { version: string }).version;
}
