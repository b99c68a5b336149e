// REG-OFF-06 and REG-MES-03: a patient sends a prescription from Mon espace santé to a pharmacy she
// frequents; only its organisational mailbox can receive it, and she cannot write to a
// professional who never wrote to her.
import type { Demonstration } from '../demonstration.ts';
import { DemonstrationStepError } from '../demonstration.ts';
import { patientMailboxKey, sentMessageId } from '../demonstration-context.ts';
import { accepted, DR_MARTIN, LOUISE, PHARMACIE_DU_PARC, refusedSentence } from './cast.ts';

const SUBJECT = 'Mon ordonnance';

export const ordonnancePatiente: Demonstration = {
  id: 'ordonnance-patiente',
  title: "Ordonnance de la patiente à sa pharmacie",
  summary: "Louise Marchand envoie son ordonnance depuis Mon espace santé à la Pharmacie du Parc, qu'elle fréquente ; la pharmacie lui répond.",
  steps: [
    {
      title: 'À qui Louise peut-elle écrire ?',
      narration:
        "Dans Mon espace santé, une patiente n'écrit pas à n'importe qui : seulement aux professionnels qui lui ont écrit sans clore l'échange, et aux pharmacies qu'elle fréquente si elles ont une boîte organisationnelle MSSanté.",
      run: async (context) => {
        const contacts = context.space.mes.contactable(LOUISE);
        if (!contacts.includes(PHARMACIE_DU_PARC)) throw new DemonstrationStepError(`La Pharmacie du Parc n'est pas parmi les contacts de Louise (${contacts.join(', ') || 'aucun'}) : son profil est-il actif ?`);
        return `Louise peut écrire à : ${contacts.join(', ')}.`;
      },
    },
    {
      title: "Louise envoie son ordonnance",
      narration: "Louise envoie son ordonnance depuis Mon espace santé à la boîte organisationnelle de la Pharmacie du Parc, pour que son traitement soit prêt quand elle passera.",
      run: async (context) => {
        const result = accepted(
          await context.space.mes.write({ ins: LOUISE, to: PHARMACIE_DU_PARC, subject: SUBJECT, text: "Bonjour,\n\nVoici mon ordonnance du Dr Rousseau. Je passerai la chercher demain.\n\nLouise Marchand" }),
          "Le message de Louise",
        );
        await context.space.settled();
        return `Message remis à la Pharmacie du Parc : la pharmacie voit qu'il vient de Louise Marchand, patiente, par Mon espace santé.`;
      },
    },
    {
      title: 'Une adresse que Louise ne peut pas utiliser',
      narration: "Louise essaie aussi d'écrire directement au Dr Paul Martin, qui ne lui a jamais écrit. Mon espace santé refuse : le message ne part pas, et le professionnel ne reçoit rien.",
      run: async (context) =>
        refusedSentence(await context.space.mes.write({ ins: LOUISE, to: DR_MARTIN, subject: 'Question', text: 'Bonjour Docteur, une question sur mon traitement.' }), 'Le message de Louise au Dr Martin'),
    },
    {
      title: 'La pharmacie répond',
      narration: "Camille relève la boîte de l'officine et répond à Louise que son traitement sera prêt demain. La réponse arrive dans Mon espace santé ; Louise pourra y répondre à son tour.",
      run: async (context) => {
        const driver = await context.client(PHARMACIE_DU_PARC);
        await driver.synchronise();
        const fromLouise = (await driver.listMessages()).filter((m) => m.folder === 'inbox' && m.subject === SUBJECT).at(-1);
        if (!fromLouise) throw new DemonstrationStepError("Le message de Louise n'apparaît pas dans la boîte de la pharmacie : jouez d'abord l'étape « Louise envoie son ordonnance ».");
        const louise = patientMailboxKey(LOUISE);
        const result = await driver.send({ to: [louise], inReplyTo: fromLouise.clientMessageId, subject: `RE: ${SUBJECT}`, body: 'Bonjour Madame Marchand,\n\nVotre traitement sera prêt demain à partir de 9 h.\n\nCamille Dupré, Pharmacie du Parc' });
        const copy = await context.delivered(sentMessageId(result, 'La réponse de la pharmacie'), louise);
        if (!copy) throw new DemonstrationStepError("La réponse de la pharmacie n'est pas arrivée dans Mon espace santé : consultez le flux et le journal.");
        return `Réponse remise dans Mon espace santé de Louise : l'échange avec la pharmacie est ouvert.`;
      },
    },
  ],
};
