// For tests that start a command and wait for what it prints: resolves once `seen()` holds, or
// false once the command has ended (exit or signal) or the limit has passed, whichever comes
// first. Past the limit the whole process tree is killed, so that no simulator or campaign is
// left running beside the other tests. Waiting on the exit too matters: a command that ends
// without another byte on stdout must not leave the test waiting for one.
import type { ChildProcess } from 'node:child_process';
import { signalTree } from '../process-tree.ts';

/** `seen` reads the output the caller collects (its own listeners were added first). */
export function awaitOutput(child: ChildProcess, seen: () => boolean, limitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (found: boolean) => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', ended);
      resolve(found);
    };
    const check = () => {
      if (seen()) finish(true);
      else if (child.exitCode !== null || child.signalCode !== null) finish(false);
    };
    const ended = () => finish(seen());
    const timer = setTimeout(() => (signalTree(child.pid ?? 0, 'SIGKILL'), finish(false)), limitMs);
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', ended);
    check();
  });
}
