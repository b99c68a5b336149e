// The French texts of the simulated Mon espace santé app that are not Mon espace santé's refusals
// (those come from the server, word for word): screens of a profile without messaging, the
// journey's steps and the pre-filled message.
import type { PatientScreen } from './patient-types.ts';

export const SCREEN_TEXTS: Readonly<Record<Exclude<PatientScreen, 'messaging'>, { readonly title: string; readonly text: string }>> = {
  opposed: {
    title: "Vous vous êtes opposé(e) à la création de votre profil",
    text: "Vous n'avez pas de messagerie Mon espace santé : aucun professionnel ne peut vous écrire par ce moyen. Celui qui essaie reçoit un avis lui disant que cette adresse n'existe pas.",
  },
  closed: {
    title: 'Votre messagerie est clôturée',
    text: "Votre profil Mon espace santé a été clôturé : vous ne recevez plus de messages et ne pouvez plus en écrire. Un professionnel qui vous écrit reçoit un avis lui disant que votre messagerie est clôturée.",
  },
  absent: {
    title: "Aucun profil Mon espace santé",
    text: "Aucun profil Mon espace santé ne correspond à ce matricule INS : il n'y a pas de messagerie. Un professionnel qui écrit à cette adresse reçoit un avis lui disant qu'elle n'existe pas.",
  },
};

export const STEP_TITLES = ['Choisir un document', 'Choisir un destinataire', 'Écrire le message'] as const;

/** The editable message the app proposes once the document and the recipient are chosen. */
export function prefilledMessage(patientName: string, documentTitle: string | undefined, documentDate: string | undefined): { subject: string; text: string } {
  if (!documentTitle) return { subject: 'Demande', text: `Bonjour,\n\n\n\nCordialement,\n${patientName}` };
  const dated = documentDate ? ` du ${documentDate}` : '';
  return {
    subject: `${documentTitle}${dated}`,
    text: `Bonjour,\n\nVeuillez trouver ci-joint le document « ${documentTitle} »${dated}.\nPouvez-vous me dire quand je pourrai passer ?\n\nCordialement,\n${patientName}`,
  };
}
