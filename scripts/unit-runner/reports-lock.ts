// One test pool at a time per reports folder and label: each pool deletes the previous
// `<label>-N.tap` reports, writes its own and counts its results from them, so a second pool
// started in the same checkout (a second `npm test`, or a subset beside it) would delete and
// overwrite the first one's reports and both would print wrong counts — passes lost, a failure
// possibly hidden. The lock is a file naming the holder's pid, created exclusively; one left by
// a process that no longer exists is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../../simulator/tooling-api.ts';

export type LockOutcome = { readonly ok: true; readonly release: () => void } | { readonly ok: false; readonly holder: number; readonly problem: string };

export function lockReports(reportsDir: string, label: string, pid = process.pid): LockOutcome {
  const path = join(reportsDir, `.${label}-en-cours.pid`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, `${pid}\n`, { flag: 'wx' });
      return { ok: true, release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== pid && isAlive(holder)) {
        return { ok: false, holder, problem: `Une autre exécution des tests (processus ${holder}) écrit déjà ses rapports « ${label}-N.tap » dans ${reportsDir} : attendez qu'elle finisse, ou arrêtez-la, puis relancez. Deux exécutions à la fois dans la même copie du dépôt fausseraient les comptes de l'une et de l'autre.` };
      }
      rmSync(path, { force: true }); // left by a process that is gone (or unreadable): taken over
    }
  }
  return { ok: false, holder: 0, problem: `Le verrou ${path} n'a pas pu être pris : supprimez-le puis relancez.` };
}
