// REG-DOC, REG-OFF-03, REG-OFF-05: health documents as MSSanté carries them. The pharmacy sends
// Louise's medication review to the hospital in an IHE_XDM archive, the simulator opens it and
// checks it (SC.MSS/CONF.14, 15, 23–25); the hospital sends the livret médical back the same
// way and the pharmacy's software integrates it into Louise's record on her qualified INS
// (SC.MSS/UX.01, UX.07, UX.28).
import type { Demonstration } from '../demonstration.ts';
import { DemonstrationStepError } from '../demonstration.ts';
import type { DemonstrationContext } from '../demonstration-context.ts';
import { DR_MARTIN, LOUISE, PHARMACIE_DU_PARC } from './cast.ts';

const HOSPITAL_SECRETARIAT = 'secretariat.cardiologie@ch-valbrume.mssante.fr';

/** The simulator's reading of the last document message `sender` sent. */
function lastCheck(context: DemonstrationContext, sender: string): string {
  const checked = context.space.observations.list('document-archive-checked').filter((o) => o.sender === sender).at(-1);
  if (!checked) throw new DemonstrationStepError("Le simulateur n'a vu passer aucune archive IHE_XDM.ZIP : le message a-t-il été refusé ? Consultez le journal (GET /api/journal).");
  const { report } = checked;
  const patient = report.patient ? `${report.patient.birthName ?? '?'} ${report.patient.firstName ?? '?'} (INS ${report.patient.ins ?? 'absente'})` : 'non identifié';
  const findings = report.findings.length === 0 ? 'aucun constat' : report.findings.map((f) => `${f.rule} : ${f.message}`).join(' ; ');
  return `archive ouverte par le simulateur : ${report.documents.length} document(s) CDA, patient ${patient}, X-MSS-INS: ${report.headers.ins ?? 'absent'}, X-MSS-CODECDA: ${report.headers.codeCda ?? 'absent'} ; ${findings}.`;
}

export const documentsXdm: Demonstration = {
  id: 'documents-xdm',
  title: 'Documents de santé en archive XDM',
  summary: "La Pharmacie du Parc envoie le bilan partagé de médication de Louise au service de cardiologie dans une archive IHE XDM ; l'hôpital répond avec le livret médical, que le logiciel de la pharmacie intègre au dossier de Louise.",
  steps: [
    {
      title: 'Le bilan partagé de médication part en archive XDM',
      narration:
        "Avant l'admission de Louise, Camille envoie son bilan partagé de médication au secrétariat de cardiologie. Le logiciel joint le document CDA dans une archive IHE_XDM.ZIP, sa copie PDF, les en-têtes X-MSS-INS et X-MSS-CODECDA, et un objet XDM/1.0/DDM+.",
      run: async (context) => {
        const result = await (await context.client(PHARMACIE_DU_PARC)).sendDocument?.({ to: [HOSPITAL_SECRETARIAT], patient: context.patient(LOUISE), document: 'medication-review' });
        if (result?.status !== 'sent') throw new DemonstrationStepError(`Le bilan n'est pas parti : ${JSON.stringify(result)}.`);
        await context.space.settled();
        return `Bilan remis au secrétariat de cardiologie ; ${lastCheck(context, PHARMACIE_DU_PARC)}`;
      },
    },
    {
      title: "L'hôpital envoie le livret médical",
      narration:
        "À la sortie de Louise, le Dr Martin lui adresse le livret médical par la même voie. L'archive désigne Louise par son INS qualifiée dans le patientId de METADATA.XML.",
      run: async (context) => {
        const result = await (await context.client(DR_MARTIN)).sendDocument?.({ to: [PHARMACIE_DU_PARC], patient: context.patient(LOUISE), document: 'livret-medical' });
        if (result?.status !== 'sent') throw new DemonstrationStepError(`Le livret médical n'est pas parti : ${JSON.stringify(result)}.`);
        await context.space.settled();
        return `Livret remis à la Pharmacie du Parc ; ${lastCheck(context, DR_MARTIN)}`;
      },
    },
    {
      title: 'Intégration au dossier de Louise',
      narration:
        "Le logiciel de la pharmacie détecte l'archive, affiche l'objet sans le préfixe XDM/1.0/DDM+ et, l'INS qualifiée correspondant strictement à celle de son dossier, intègre le livret sans intervention.",
      run: async (context) => {
        const driver = await context.client(PHARMACIE_DU_PARC);
        await driver.registerPatient?.(context.patient(LOUISE));
        await driver.synchronise();
        const listed = (await driver.listMessages()).find((m) => m.folder === 'inbox' && m.healthDocuments);
        const document = listed?.healthDocuments?.documents[0];
        if (!listed?.healthDocuments || !document) throw new DemonstrationStepError("Aucun document de santé dans la boîte de la pharmacie : jouez d'abord l'étape précédente.");
        const outcome = document.outcome === 'integrated' ? `intégré au dossier de l'INS ${document.patientIns ?? ''}` : `placé en liste de travail (${document.outcome})`;
        return `Camille voit « ${listed.healthDocuments.subjectShown} » ; le livret (${document.typeCode}) est ${outcome}.`;
      },
    },
  ],
};
