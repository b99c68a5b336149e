// The IPC messages between the unit-test pool (unit-pool.ts) and its processes (unit-worker.ts).

/** Pool → process: import and run this test file, or `fin`: no more files, end when idle. */
export type PoolOrder = { readonly file: string } | 'fin';

/** Process → pool: this file's tests and hooks are over (after `prêt`, sent once at start). */
export interface FileDone {
  readonly done: string;
  readonly milliseconds: number;
  /** CPU time of the process meanwhile (user + system): the rest of the time, the file waited. */
  readonly cpuMilliseconds: number;
  /** The process's heap in use once the file is over, in bytes. */
  readonly heapUsed: number;
}

export function isFileDone(message: unknown): message is FileDone {
  return typeof message === 'object' && message !== null && typeof (message as FileDone).done === 'string' && typeof (message as FileDone).milliseconds === 'number' && typeof (message as FileDone).cpuMilliseconds === 'number' && typeof (message as FileDone).heapUsed === 'number';
}
