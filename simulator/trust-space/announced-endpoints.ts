// The endpoints as clients are told them: the listening address, or the name given with
// --annoncer-hote (a client in another container reaches the simulator by a service name, not by
// the 0.0.0.0 it listens on). Pure.
import type { TrustSpaceEndpoints } from './trust-space.ts';

export function announcedEndpoints(listening: TrustSpaceEndpoints, announcedHost: string | undefined): TrustSpaceEndpoints {
  if (announcedHost === undefined) return listening;
  const urlHost = announcedHost.includes(':') && !announcedHost.startsWith('[') ? `[${announcedHost}]` : announcedHost;
  const host = announcedHost.replace(/^\[(.*)\]$/, '$1');
  return {
    submission: { ...listening.submission, host },
    peer: { ...listening.peer, host },
    imap: { ...listening.imap, host },
    imaps: { ...listening.imaps, host },
    http: { host, port: listening.http.port, baseUrl: `http://${urlHost}:${listening.http.port}` },
  };
}
