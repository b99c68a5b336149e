// The banner lines of durable mode (--conserver): how many messages were read back from which
// directory, and, after a crash, the torn last record that was skipped.
import type { DurableRestart } from '../trust-space/durable-mode.ts';

export function durableLines(restart: DurableRestart | undefined): string[] {
  if (!restart) return [];
  const lines = [
    '',
    `Conservation (--conserver) : ${restart.messages} message(s) restauré(s) depuis ${restart.dir} (${restart.transmissions} transmission(s)) ; chaque message acquitté par 250 est écrit sur disque avant la réponse.`,
  ];
  if (restart.compacted) lines.push(`  Journal compacté au démarrage : ${restart.compacted} enregistrement(s) de messages effacés par la limite de conservation retirés.`);
  for (const skipped of restart.skipped) lines.push(`Attention : ${skipped} (le jeu de données a changé depuis).`);
  if (restart.tornTail) {
    const { path, line, bytes } = restart.tornTail;
    lines.push(
      `Attention : ${path}, ligne ${line} : dernier enregistrement incomplet (${bytes} octets), coupé par un arrêt brutal ; il est ignoré et retiré. Il n'avait pas encore été acquitté : aucun message acquitté par 250 n'est perdu.`,
    );
  }
  return lines;
}
