// REG-FIN-01, REG-FIN-03: a subject exactly `[FIN]` closes the whole conversation (the patient can no
// longer reply to it); the patient may still start a new one with her pharmacy's
// organisational mailbox (re-engagement), never with a nominative one.
import type { Demonstration } from '../demonstration.ts';
import { DemonstrationStepError } from '../demonstration.ts';
import { patientMailboxKey, sentMessageId } from '../demonstration-context.ts';
import { accepted, LOUISE, PHARMACIE_DU_PARC, refusedSentence } from './cast.ts';

const FIRST = 'first-message';

function firstMessage(notes: Map<string, string>): string {
  const id = notes.get(FIRST);
  if (!id) throw new DemonstrationStepError("Le premier message de la pharmacie manque : lancez la démonstration depuis le début.");
  return id;
}

export const clotureEtReengagement: Demonstration = {
  id: 'cloture-fin-reengagement',
  title: 'Clôture par [FIN] et réengagement',
  summary: "La Pharmacie du Parc échange avec Louise Marchand, clôt l'échange par un message d'objet « [FIN] », puis Louise engage un nouvel échange avec la boîte organisationnelle de sa pharmacie.",
  steps: [
    {
      title: 'La pharmacie écrit à Louise',
      narration: "La Pharmacie du Parc prévient Louise que son traitement est prêt. Seul un professionnel peut engager un échange avec un patient ; l'adresse est construite à partir d'une INS qualifiée.",
      run: async (context) => {
        const driver = await context.client(PHARMACIE_DU_PARC);
        const result = await driver.writeToPatient({ patient: context.patient(LOUISE), subject: 'Votre traitement est prêt', body: 'Bonjour Madame Marchand,\n\nVotre traitement est prêt, vous pouvez passer le chercher.\n\nPharmacie du Parc' });
        const copy = await context.delivered(sentMessageId(result, 'Le message de la pharmacie'), patientMailboxKey(LOUISE));
        if (!copy) throw new DemonstrationStepError("Le message n'est pas arrivé dans Mon espace santé de Louise : son profil est-il actif ?");
        context.notes.set(FIRST, copy.id);
        return `Message remis dans Mon espace santé de Louise : l'échange est ouvert.`;
      },
    },
    {
      title: 'Louise répond',
      narration: "Louise répond qu'elle passera samedi. Tant que l'échange est ouvert, elle peut répondre à la pharmacie.",
      run: async (context) => {
        const result = accepted(await context.space.mes.reply({ ins: LOUISE, messageId: firstMessage(context.notes), text: 'Merci, je passerai samedi matin.' }), 'La réponse de Louise');
        await context.space.settled();
        return `Réponse remise à la Pharmacie du Parc.`;
      },
    },
    {
      title: 'Clôture par « [FIN] »',
      narration: "Camille clôt l'échange en envoyant à Louise un message dont l'objet est exactement « [FIN] ». Mon espace santé ferme toute la conversation : Louise ne peut plus y répondre.",
      run: async (context) => {
        const driver = await context.client(PHARMACIE_DU_PARC);
        const result = await driver.endConversation({ patient: context.patient(LOUISE), method: 'subject' });
        await context.delivered(sentMessageId(result, 'Le message « [FIN] »'), patientMailboxKey(LOUISE));
        const open = context.space.mes.conversations(LOUISE).filter((c) => c.counterpart === PHARMACIE_DU_PARC && c.state === 'open');
        if (open.length > 0) throw new DemonstrationStepError("La conversation avec la pharmacie est restée ouverte : l'objet n'était pas exactement « [FIN] ».");
        return 'Message « [FIN] » remis : la conversation entre Louise et la Pharmacie du Parc est close.';
      },
    },
    {
      title: 'Louise ne peut plus répondre',
      narration: "Louise essaie de répondre au premier message de la pharmacie. Mon espace santé refuse, et lui dit pourquoi.",
      run: async (context) =>
        refusedSentence(await context.space.mes.reply({ ins: LOUISE, messageId: firstMessage(context.notes), text: 'Finalement je passerai lundi.' }), 'La réponse de Louise après la clôture'),
    },
    {
      title: 'Le réengagement',
      narration: "Louise peut toutefois engager un nouvel échange avec la boîte organisationnelle de sa pharmacie, jamais avec une boîte nominative : c'est le réengagement.",
      run: async (context) => {
        const result = accepted(
          await context.space.mes.write({ ins: LOUISE, to: PHARMACIE_DU_PARC, subject: 'Nouvelle ordonnance', text: 'Bonjour, mon médecin a modifié mon traitement : voici la nouvelle ordonnance.' }),
          'Le nouveau message de Louise',
        );
        await context.space.settled();
        return `Nouveau message remis à la Pharmacie du Parc : un nouvel échange est ouvert.`;
      },
    },
  ],
};
