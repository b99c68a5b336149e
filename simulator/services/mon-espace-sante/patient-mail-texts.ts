// Texts of the mail the simulated Mon espace santé writes itself.
import type { Patient } from '../../domain/model.ts';

/** `From` display name of a patient's message: first name and birth name (SC.MSS/UX.31 shows both). */
export function patientDisplayName(patient: Patient): string {
  return `${patient.identity.firstName} ${patient.identity.birthName.toUpperCase()}`;
}

/** Body of the answer of `reponse.automatique-test@patient.mssante.fr` (REG-MES-06; wording is ours). */
export const AUTO_REPLY_TEXT = [
  'Bonjour,',
  '',
  'Ceci est une réponse automatique de la boîte de test de Mon espace santé (simulée).',
  'Votre message a bien été reçu par le domaine patient.mssante.fr.',
  '',
  'Ce message a été généré automatiquement : merci de ne pas y répondre.',
].join('\n');
