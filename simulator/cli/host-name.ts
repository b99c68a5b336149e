// The check shared by `start --host/--annoncer-hote` and the conformance command's
// `--ecoute/--annoncer-hote`: a name or address a listener can be given, never with a port.
import { isIP } from 'node:net';

/** A DNS name (RFC 1123 §2.1) or an IP address (IPv6 with or without brackets), without port. */
export function isHostName(value: string): boolean {
  return /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?)+$/.test(value) || isIP(value.replace(/^\[(.*)\]$/, '$1')) !== 0;
}
