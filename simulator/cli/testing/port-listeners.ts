// Which processes listen on a TCP port (Linux: /proc/net/tcp and tcp6, then each process's
// sockets under /proc/<pid>/fd). A test that stopped a server on a port it got from the system
// (port 0) may find the port taken again by another test's server meanwhile: the question is
// then whose it is, not whether it answers.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Socket inodes listening (state 0A) on `port`, IPv4 and IPv6. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (local === undefined || fields[3] !== '0A') continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port && fields[9] !== undefined) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The pids holding a socket that listens on `port` (readable ones: this user's processes). */
export function portListeners(port: number): number[] {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return [];
  const owners: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target = '';
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode !== undefined && inodes.has(inode)) {
        owners.push(Number(entry));
        break;
      }
    }
  }
  return owners;
}
