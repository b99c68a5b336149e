// How busy the whole machine was during `npm test`, from the kernel's counters (/proc/stat,
// Linux): the CPU time of every process, Chromium's included, which a parent's own accounting
// (`/usr/bin/time`, process.cpuUsage) misses when it does not wait for them. Printed at the end of
// the run, so that a duration can be read against the work done: on 2 cores, a run that keeps both
// busy cannot end before half its core-seconds. Parsing is pure; reading returns undefined off Linux.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Busy and idle time of all cores, in clock ticks (USER_HZ). */
export interface CpuCounters {
  readonly busy: number;
  readonly idle: number;
}

/**
 * The aggregate `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal …
 * Steal (time the hypervisor gave to another machine) is neither our work nor our idle time: left out.
 */
export function parseProcStat(text: string): CpuCounters | undefined {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  if ([user, nice, system, idle].some((n) => !Number.isFinite(n))) return undefined;
  return { busy: user + nice + system + irq + softirq, idle: idle + iowait };
}

export function readCpuCounters(path = '/proc/stat'): CpuCounters | undefined {
  try {
    return parseProcStat(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux architecture Node supports. */
const TICKS_PER_SECOND = 100;

/** « 413 cœur·s occupés sur 2 cœurs (94 %) », in French, between two readings. */
export function describeLoad(start: CpuCounters, end: CpuCounters, cores = cpus().length): string {
  const busy = end.busy - start.busy;
  const total = busy + (end.idle - start.idle);
  const share = total > 0 ? Math.round((100 * busy) / total) : 0;
  return `${Math.round(busy / TICKS_PER_SECOND)} cœur·s occupés sur ${cores} cœur${cores > 1 ? 's' : ''} (${share} %)`;
}
