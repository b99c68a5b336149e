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
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]\s/@]+)(?::\d{1,5})?$/.exec(header.trim());
  return match?.[1] === undefined ? undefined : normalise(match[1]);
}

/** `accept` decides for names that change at run time (e.g. `autoconfig.<simulated domain>`). */
export function isHostAllowed(header: string | undefined, allowed: ReadonlySet<string>, accept?: (name: string) => boolean): boolean {
  const name = hostName(header);
  return name !== undefined && (allowed.has(name) || (accept?.(name) ?? false));
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}
