// The personas the demonstrations play, from the default trust space (fixtures/personas.json),
// and the sentences several demonstrations share.
import { readReportFacts } from '../../observation/live-flow/report-facts.ts';
import type { StoredMessage } from '../../services/store/stored-message.ts';
import type { PatientActionResult } from '../../services/mon-espace-sante/mon-espace-sante.ts';
import { DemonstrationStepError } from '../demonstration.ts';

export const PHARMACIE_DU_PARC = 'pharmacie.duparc@pharmacien.mssante.fr';
export const DR_MARTIN = 'paul.martin@ch-valbrume.mssante.fr';
export const LOUISE = '284034912304586';
export const GERARD_OPPOSED = '152114908701235';
export const YVETTE_CLOSED = '238067218103339';
export const THOMAS_NO_PROFILE = '101097505607845';

/** « Avis de non-remise reçu (5.1.1) : <the French sentence of the DSN> » (SC.MSS/UX.30). */
export function bounceSentence(bounce: StoredMessage | undefined, recipient: string): string {
  if (!bounce || bounce.kind !== 'bounce') {
    throw new DemonstrationStepError(`Aucun avis de non-remise pour ${recipient} : son profil Mon espace santé a-t-il été rendu actif ? Réinitialisez l'espace de confiance puis relancez la démonstration.`);
  }
  const fact = readReportFacts(bounce.raw)[0];
  return `Avis de non-remise reçu${fact?.status ? ` (${fact.status})` : ''} : ${fact?.reason ?? bounce.index.subject ?? ''}`;
}

/** The outcome of a patient action that must go through. */
export function accepted(result: PatientActionResult, what: string): Extract<PatientActionResult, { accepted: true }> {
  if (!result.accepted) throw new DemonstrationStepError(`${what} a été refusé par Mon espace santé : ${result.refusal.message}`);
  return result;
}

/** The outcome of a patient action the rules forbid (REG-MES-04). */
export function refusedSentence(result: PatientActionResult, what: string): string {
  if (result.accepted) throw new DemonstrationStepError(`${what} aurait dû être refusé par Mon espace santé, mais il a été remis (${result.storeId}) : l'état des conversations a changé, réinitialisez l'espace de confiance.`);
  return `Refusé par Mon espace santé, le message ne part pas : « ${result.refusal.message} »`;
}
