// REG-ANR-01, REG-ANR-03: the three avis de non-remise of Mon espace santé (opposed, closed, no profile),
// each accepted by the operator then bounced asynchronously with the guide's French sentence;
// a conforming client ties each to the sent message and shows the reason (SC.MSS/UX.30, UX.35).
import { patientAddressOf } from '../../domain/patient-address.ts';
import type { ClientDriver } from '../../reference-client/client-driver.ts';
import type { Demonstration, DemonstrationStep } from '../demonstration.ts';
import { DemonstrationStepError } from '../demonstration.ts';
import type { DemonstrationContext } from '../demonstration-context.ts';
import { bounceSentence, GERARD_OPPOSED, PHARMACIE_DU_PARC, THOMAS_NO_PROFILE, YVETTE_CLOSED } from './cast.ts';

const SUBJECT = 'Rappel : deuxième dose du vaccin contre les papillomavirus';

async function remind(context: DemonstrationContext, ins: string): Promise<string> {
  const driver: ClientDriver = await context.client(PHARMACIE_DU_PARC);
  const patient = context.patient(ins);
  const result = await driver.writeToPatient({
    patient,
    subject: SUBJECT,
    body: `Bonjour ${patient.firstName} ${patient.birthName},\n\nLa deuxième dose de votre vaccin est à prévoir ce mois-ci : passez à la pharmacie quand vous le souhaitez.\n\nPharmacie du Parc`,
  });
  if (result.status === 'failed') return `Refusé dès l'envoi (mode strict du simulateur) : ${result.shownToUser}`;
  if (result.status === 'refused') throw new DemonstrationStepError(`Le client de référence a refusé d'écrire à ${patient.firstName} : ${result.reason}`);
  return bounceSentence(await context.reportAbout(PHARMACIE_DU_PARC, result.messageId), patientAddressOf(patient.ins));
}

const reminder = (title: string, narration: string, ins: string): DemonstrationStep => ({ title, narration, run: (context) => remind(context, ins) });

export const troisAvisDeNonRemise: Demonstration = {
  id: 'trois-avis-de-non-remise',
  title: 'Les trois avis de non-remise',
  summary: "La Pharmacie du Parc envoie un rappel de vaccination à trois patients dont la messagerie Mon espace santé ne peut pas recevoir : opposition, profil clôturé, aucun profil.",
  steps: [
    reminder(
      'Un patient opposé',
      "Gérard Lambert s'est opposé à la création de son profil Mon espace santé. Le serveur accepte d'abord le message, puis renvoie un avis de non-remise : l'adresse n'existe pas.",
      GERARD_OPPOSED,
    ),
    reminder('Un profil clôturé', "Yvette Caron a clôturé son profil Mon espace santé. L'avis de non-remise donne un autre motif : la messagerie est clôturée.", YVETTE_CLOSED),
    reminder(
      'Aucun profil',
      "Thomas Petit a un matricule INS valide mais aucun profil Mon espace santé. Pour le professionnel, c'est comme une opposition : l'adresse n'existe pas.",
      THOMAS_NO_PROFILE,
    ),
    {
      title: 'Ce que montre le logiciel',
      narration:
        "Un logiciel conforme relie chaque avis au message envoyé et affiche le motif à l'utilisateur. Il ne renvoie jamais automatiquement un message en échec définitif : la pharmacie prévient ces patients autrement.",
      run: async (context) => {
        const driver = await context.client(PHARMACIE_DU_PARC);
        await driver.synchronise();
        const bounces = (await driver.listMessages()).filter((m) => m.kind === 'bounce' && m.report?.aboutClientMessageId !== undefined);
        if (bounces.length === 0) throw new DemonstrationStepError("Aucun avis de non-remise dans la boîte de la pharmacie : jouez d'abord les trois envois.");
        return `Le logiciel de la Pharmacie du Parc affiche ${bounces.length} avis de non-remise, chacun rattaché au rappel envoyé, avec son motif : « ${bounces[0]!.report!.reasonShown} »`;
      },
    },
  ],
};
