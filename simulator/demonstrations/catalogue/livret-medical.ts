// REG-OFF-05: a hospital sends the livret médical to the professionals caring for the
// patient, and the pharmacy prepares the medication before she arrives. The seed contrasts the
// situation "sans MSSanté" (paper, fax, phone) with "avec MSSanté".
import { addressKey } from '../../domain/address-key.ts';
import type { Demonstration } from '../demonstration.ts';
import { DemonstrationStepError } from '../demonstration.ts';
import { sentMessageId } from '../demonstration-context.ts';
import { DR_MARTIN, LOUISE, PHARMACIE_DU_PARC } from './cast.ts';

const SUBJECT = 'Livret médical de sortie — MARCHAND Louise';
const FILENAME = '20250313_livret_medical_MARCHAND_Louise.pdf';
// A tiny synthetic PDF: what matters here is that a document travels, not its content.
const PDF = Buffer.from('%PDF-1.4\n% Livret médical synthétique (démonstration)\n%%EOF\n', 'utf8').toString('base64');

export const livretMedical: Demonstration = {
  id: 'livret-medical',
  title: "Livret médical de l'hôpital à la pharmacie",
  summary: "Le Dr Paul Martin, cardiologue au CH de Valbrume, envoie le livret médical de sortie de Louise Marchand à sa pharmacie, qui prépare le traitement avant son arrivée.",
  steps: [
    {
      title: 'Sans MSSanté',
      narration:
        "Louise sort du centre hospitalier avec un nouveau traitement. Sans MSSanté, le livret médical part sur papier avec elle ou par fax, et la pharmacie découvre l'ordonnance au comptoir ; au moindre doute, elle appelle le service, qui ne répond pas toujours.",
      run: async () => "Aucun message échangé : la Pharmacie du Parc n'apprendra la sortie de Louise qu'en la voyant arriver.",
    },
    {
      title: "Trouver la pharmacie dans l'Annuaire Santé",
      narration:
        "Avec MSSanté, le Dr Martin cherche la pharmacie de Louise dans l'Annuaire Santé depuis son logiciel. Les officines y publient leur boîte organisationnelle, lue par toute l'équipe.",
      run: async (context) => {
        const found = await (await context.client(DR_MARTIN)).findRecipient({ query: 'Pharmacie du Parc', kind: 'pharmacy' });
        const pharmacy = found.find((r) => addressKey(r.address) === PHARMACIE_DU_PARC);
        if (!pharmacy) throw new DemonstrationStepError(`L'Annuaire Santé ne publie pas ${PHARMACIE_DU_PARC} : vérifiez que la boîte existe encore (GET /api/trust-space).`);
        return `Trouvée dans l'Annuaire Santé : ${pharmacy.displayName}, ${pharmacy.address} (boîte ${pharmacy.mailboxType === 'ORG' ? 'organisationnelle' : pharmacy.mailboxType}).`;
      },
    },
    {
      title: 'Envoyer le livret médical',
      narration:
        "Le Dr Martin envoie le livret en pièce jointe à la boîte de l'officine. Le message ne quitte pas l'espace de confiance MSSanté : chiffré en transit, entre opérateurs de la liste blanche.",
      run: async (context) => {
        const driver = await context.client(DR_MARTIN);
        const louise = context.patient(LOUISE);
        const result = await driver.send({
          to: [PHARMACIE_DU_PARC],
          subject: SUBJECT,
          body: `Bonjour,\n\nVeuillez trouver le livret médical de sortie de ${louise.firstName} ${louise.birthName}, sortie ce jour avec un traitement anticoagulant.\n\nDr Paul Martin, cardiologie, CH de Valbrume`,
          attachments: [{ filename: FILENAME, contentType: 'application/pdf', contentBase64: PDF }],
        });
        const messageId = sentMessageId(result, 'Le livret médical');
        const copy = await context.delivered(messageId, PHARMACIE_DU_PARC);
        if (!copy) throw new DemonstrationStepError("Le message a été accepté mais n'est pas arrivé dans la boîte de la Pharmacie du Parc : consultez le journal (GET /api/journal).");
        return `Message remis dans la boîte de la Pharmacie du Parc, avec la pièce jointe ${FILENAME}.`;
      },
    },
    {
      title: 'La pharmacie prépare le traitement',
      narration:
        "Camille relève la boîte de l'officine : elle lit le livret, vérifie les interactions et prépare le traitement, avant même que Louise arrive.",
      run: async (context) => {
        const driver = await context.client(PHARMACIE_DU_PARC);
        await driver.synchronise();
        const listed = (await driver.listMessages()).find((m) => m.folder === 'inbox' && m.subject === SUBJECT);
        if (!listed) throw new DemonstrationStepError("Le livret médical n'apparaît pas dans la boîte de la pharmacie : jouez d'abord l'étape précédente.");
        return `Camille voit « ${listed.subject} », envoyé par ${listed.from} : le traitement de Louise sera prêt à son arrivée.`;
      },
    },
  ],
};
