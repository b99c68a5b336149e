// Defeats DNS rebinding: a page of another site whose name is made to resolve to 127.0.0.1
// reaches the simulator as a same-origin request, but its `Host` header (RFC 9110 §7.2) still
// carries the attacker's name. The server answers only to the names and addresses it listens
// on and announces, the loopback names, the names given with --nom-hote, and names the caller
// accepts at run time (`autoconfig.<simulated domain>`, Thunderbird's lookup); any port is
// accepted (port mappings of containers change it, the name is what rebinding cannot fake).
import { hostname, networkInterfaces } from 'node:os';

export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** Every name a request may carry in `Host`, normalised (lower-case, IPv6 in brackets). */
export function allowedHostNames(listenHost: string, extraNames: readonly string[] = []): ReadonlySet<string> {
  const names = new Set<string>(LOOPBACK_NAMES);
  const add = (name: string) => names.add(normalise(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name));
  add(listenHost);
  for (const name of extraNames) add(name);
  if (WILDCARDS.has(listenHost)) {
    // Listening on every interface: each address of the machine, and its own name.
    add(hostname());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? []) add(address.split('%')[0] ?? address);
    }
  }
  return names;
}

/** The name part of a `Host` header (port removed), or undefined when absent or malformed. */
export function hostName(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (match?.[1] === undefined || Number(match[2] ?? 0) > 65_535) return undefined;
  return normalise(match[1]);
}

/** What a request says about the authority it is meant for (RFC 9112 §3.2). */
export type RequestAuthority = { readonly kind: 'one'; readonly authority: string | undefined } | { readonly kind: 'several'; readonly hosts: readonly string[] };

/**
 * The authority a request names: that of an absolute-form target (`GET http://name/path`),
 * which a server must use instead of `Host` (RFC 9112 §3.2.2), else its `Host` line; a request
 * with several `Host` lines is `several` (RFC 9112 §3.2: answered 400). `rawHeaders` as Node
 * gives them (name, value, name, value…): Node itself keeps only the first `Host`.
 */
export function requestAuthority(target: string | undefined, rawHeaders: readonly string[]): RequestAuthority {
  const hosts: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) if (rawHeaders[i]?.toLowerCase() === 'host') hosts.push(rawHeaders[i + 1] ?? '');
  if (hosts.length > 1) return { kind: 'several', hosts };
  const absolute = /^https?:\/\/([^/?#]*)/i.exec(target ?? '');
  return { kind: 'one', authority: absolute ? absolute[1] : hosts[0] };
}

/** `accept` decides for names that change at run time (e.g. `autoconfig.<simulated domain>`). */
export function isHostAllowed(header: string | undefined, allowed: ReadonlySet<string>, accept?: (name: string) => boolean): boolean {
  const name = hostName(header);
  return name !== undefined && (allowed.has(name) || (accept?.(name) ?? false));
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}
