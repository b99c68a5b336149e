// Judgements on the client's connections to its operator (client-connections.ts), each
// returning what is wrong, in French, for the scenario's failure message (empty: conforming):
// - what the client offers and negotiates: TLS 1.2 or 1.3 only (SC.MSS/CONF.01, CONF.02,
//   MSS/va1.31) and, for TLS 1.2, only the six suites of SC.MSS/CONF.03; TLS 1.3 suites
//   (RFC 8446 §B.4) are allowed with TLS 1.3; signalling values (0x00FF, 0x5600) are no suites;
// - facing an operator it must refuse (negative TLS offer or certificate, REG-TLS-03,
//   REG-TLS-06): no credentials and no mail after the handshake, on any connection;
// - credentials only under TLS (SC.MSS/CONF.05, CONF.06): no AUTH, LOGIN or AUTHENTICATE before
//   TLS is established on that connection.
// Groups are not judged: X25519, offered first by most TLS libraries, is left to REG-TLS-02. Pure.
import { cipherSuiteName, CONF03_SUITES, hex16, type ClientHelloReading } from '../../../simulator/public-api.ts';
import type { ClientConnection } from './client-connections.ts';

export const ALLOWED_VERSIONS: ReadonlySet<string> = new Set(['TLS 1.2', 'TLS 1.3']);
const NEGOTIATED_VERSIONS: ReadonlySet<string> = new Set(['TLSv1.2', 'TLSv1.3']);
/** The six suites of SC.MSS/CONF.03, by code. */
export const CONF03_CODES: ReadonlySet<number> = new Set(Object.keys(CONF03_SUITES).map((code) => Number.parseInt(code, 16)));
const CONF03_NAMES: ReadonlySet<string> = new Set([...CONF03_CODES].map((code) => cipherSuiteName(code) ?? hex16(code)));
/** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746) and TLS_FALLBACK_SCSV (RFC 7507): signals, not suites. */
const SIGNALLING = new Set([0x00ff, 0x5600]);

/** Suites named in a failure message; the rest are counted (the ClientHello is in the journal). */
const MAX_SUITES_NAMED = 8;

function isTls13Suite(code: number): boolean {
  return code >= 0x1301 && code <= 0x1305;
}

function describe(connection: ClientConnection): string {
  return `connexion ${connection.id} (${connection.endpoint})`;
}

/** What one ClientHello offers beyond TLS 1.2/1.3 and the allowed suites. */
export function offerProblem(offer: ClientHelloReading): string | undefined {
  if (offer.kind === 'truncated') return undefined; // the client gave up before offering anything
  if (offer.kind === 'not-client-hello') return `pas de négociation TLS lisible après l'établissement demandé (${offer.reason}, « ${offer.preview} »)`;
  const facts = offer.facts;
  const versions = facts.supportedVersions.filter((version) => !ALLOWED_VERSIONS.has(version));
  const suites = facts.cipherSuites.filter(({ code }) => !SIGNALLING.has(code) && !CONF03_CODES.has(code) && !(isTls13Suite(code) && facts.supportedVersions.includes('TLS 1.3')));
  const parts: string[] = [];
  if (versions.length > 0) parts.push(`versions ${versions.join(', ')} proposées (TLS 1.2 ou 1.3 seulement, SC.MSS/CONF.01)`);
  if (suites.length > 0) {
    const named = suites.slice(0, MAX_SUITES_NAMED).map(({ code, name }) => `${hex16(code)}${name ? ` ${name}` : ''}`);
    const more = suites.length > MAX_SUITES_NAMED ? ` et ${suites.length - MAX_SUITES_NAMED} autres` : '';
    parts.push(`suites hors liste proposées : ${named.join(', ')}${more} (SC.MSS/CONF.03)`);
  }
  return parts.length > 0 ? parts.join(' ; ') : undefined;
}

/** Offers and negotiated sessions outside TLS 1.2/1.3 and the allowed suites. */
export function protocolProblems(connections: readonly ClientConnection[]): string[] {
  const problems: string[] = [];
  for (const connection of connections) {
    for (const offer of connection.offers) {
      const problem = offerProblem(offer);
      if (problem) problems.push(`${describe(connection)} : ${problem}`);
    }
    const session = connection.established;
    if (!session) continue;
    if (!NEGOTIATED_VERSIONS.has(session.protocol)) problems.push(`${describe(connection)} : session négociée en ${session.protocol} (SC.MSS/CONF.01)`);
    else if (session.protocol === 'TLSv1.2' && !CONF03_NAMES.has(session.cipherSuite)) problems.push(`${describe(connection)} : suite négociée ${session.cipherSuite} hors de SC.MSS/CONF.03`);
  }
  return problems;
}

/**
 * The client went on with an operator it had to refuse: credentials or mail after a handshake
 * on any connection. What it sent before TLS is judged by clearCredentialProblems.
 */
export function wentOnProblems(connections: readonly ClientConnection[]): string[] {
  return connections.flatMap((connection) => {
    const after = [...new Set(connection.commands.filter((c) => c.underTls).map((c) => c.verb))];
    return after.length > 0 ? [`${describe(connection)} : le logiciel a poursuivi après la négociation TLS (${after.join(', ')})`] : [];
  });
}

/** Credentials sent before TLS was established on their connection. */
export function clearCredentialProblems(connections: readonly ClientConnection[]): string[] {
  return connections.flatMap((connection) =>
    connection.commands
      .filter((command) => command.verb !== 'MAIL' && !command.underTls)
      .map((command) => `${describe(connection)} : ${command.verb} envoyé avant l'établissement de TLS, les identifiants ont circulé en clair`),
  );
}

/** Whether the client attempted TLS at all (a ClientHello, even cut short, on some connection). */
export function attemptedTls(connections: readonly ClientConnection[]): boolean {
  return connections.some((connection) => connection.offers.length > 0);
}
