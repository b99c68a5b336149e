// The authentications of the client under test as the simulator observed them (typed observations):
// its AUTH attempts (mechanism, outcome, session), the TLS session of each connection (client
// certificate presented) and the Pro Santé Connect tokens issued. A connection is the client's
// when it authenticated, or tried to, as the user's mailbox.
import { sameAddress, type TrustSpace } from '../../../simulator/public-api.ts';


/** AUTH attempts naming the user's mailbox, oldest first. */
export function authAttempts(space: TrustSpace, address: string) {
  return space.observations.list('auth').filter((a) => sameAddress(a.identity, address) || (a.mailbox !== undefined && sameAddress(a.mailbox, address)));
}

/** One line per attempt, in French, for failure messages and evidence. */
export function describeAttempts(attempts: ReturnType<typeof authAttempts>): string {
  if (attempts.length === 0) return 'aucune authentification observée';
  return attempts.map((a) => `${a.protocol.toUpperCase()} ${a.mechanism} ${a.outcome === 'success' ? 'acceptée' : `refusée (${a.reason ?? '?'})`}`).join(' ; ');
}

/** The TLS session of a connection: the client certificate it presented, if any. */
export function tlsSessionOf(space: TrustSpace, connectionId: string) {
  return space.observations.list('tls-established').find((t) => t.connectionId === connectionId);
}

/** Subjects of the Pro Santé Connect tokens issued during the scenario (idNat, persona or mailbox). */
export function issuedTokenSubjects(space: TrustSpace): string[] {
  return space.observations.list('token').filter((t) => t.event === 'issued').map((t) => t.subject ?? '');
}

/** Autoconfig documents asked for (HTTP), with their `emailaddress` parameter. */
export function autoconfigRequests(space: TrustSpace) {
  return space.observations.list('directory-request').filter((r) => r.route.endsWith('/mail/config-v1.1.xml'));
}
