// Steps of the health-document scenarios: the client under test sends documents (IHE XDM, CDA
// R2, PDF, X-MSS-INS, X-MSS-CODECDA, subject: SC.MSS/CONF.14, 15, 23–25) and receives them
// (detection, subject shown, integration or worklist, duplicate: SC.MSS/UX.01, 07, 09, 28, CDA.01).
import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { insPatientId, XDM_SUBJECT_PREFIX } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { clientUser, patientIdentityOf } from './support/client-tasks.ts';
import { expectClientShows } from './support/client-view.ts';
import { clientKnowsPatient, clientSendsHealthDocument, describeFindings, lastSentDocumentReport, professionalSendsHealthDocument, receivedDocuments } from './support/document-tasks.ts';

async function clientSends(this: HarnessWorld, sender: string, recipient: string, label: string, patient: string): Promise<void> {
  await clientSendsHealthDocument(this, sender, this.actor(recipient), this.actor(patient), label);
}
When('{acteur} envoie à {acteur} le {texte} de {acteur} depuis son logiciel', clientSends);
When("{acteur} envoie à {acteur} le {texte} d'{acteur} depuis son logiciel", clientSends);

Then('le message de documents de santé envoyé respecte les règles MSSanté', function (this: HarnessWorld) {
  const report = lastSentDocumentReport(this);
  assert.equal(report.findings.length, 0, `Le message de documents de santé enfreint ${report.findings.length} règle(s) :\n${describeFindings(report)}`);
});

Then("son archive XDM désigne {acteur} par son INS qualifiée", function (this: HarnessWorld, label: string) {
  const identity = patientIdentityOf(this, this.actor(label));
  const report = lastSentDocumentReport(this);
  assert.equal(report.patient?.patientId, insPatientId(identity.ins, identity.oid), `patientId de METADATA.XML : « ${report.patient?.patientId ?? 'absent'} » ; attendu l'INS de ${label} (SC.MSS/CONF.24).`);
  assert.ok(report.patient?.qualifiedIns, `Le document CDA ne porte pas l'INS qualifiée de ${label} (matricule, OID et les quatre traits).`);
  assert.equal(report.headers.ins, 'O', `X-MSS-INS : « ${report.headers.ins ?? 'absent'} » ; attendu « O » (SC.MSS/CONF.14).`);
});

Then("son archive XDM ne porte pas l'INS d'{acteur}, à l'identité non qualifiée", function (this: HarnessWorld, label: string) {
  const identity = patientIdentityOf(this, this.actor(label));
  const report = lastSentDocumentReport(this);
  assert.ok(!report.patient?.qualifiedIns && report.patient?.patientId !== insPatientId(identity.ins, identity.oid), `L'archive porte l'INS de ${label} alors que son identité n'est pas qualifiée.`);
  assert.equal(report.headers.ins, 'N', `X-MSS-INS : « ${report.headers.ins ?? 'absent'} » ; attendu « N » (SC.MSS/CONF.14).`);
});

Given("{acteur}, à l'identité {texte}, dans la base patients du logiciel de {acteur}", async function (this: HarnessWorld, patient: string, status: string, user: string) {
  clientUser(this, user);
  assert.ok(status === 'qualifiée' || status === 'non qualifiée', `Statut d'identité « ${status} » : « qualifiée » ou « non qualifiée » attendu.`);
  await clientKnowsPatient(this, this.actor(patient), status === 'qualifiée');
});

async function professionalSends(this: HarnessWorld, sender: string, recipient: string, label: string, patient: string): Promise<void> {
  await professionalSendsHealthDocument(this, this.actor(sender), this.actor(recipient), this.actor(patient), label);
}
When('{acteur} envoie à {acteur} le {texte} de {acteur}', professionalSends);
Given('{acteur} a envoyé à {acteur} le {texte} de {acteur}', professionalSends);

Then('son logiciel détecte le document de santé du message « {texte} »', async function (this: HarnessWorld, shown: string) {
  await expectClientShows(this, `Le logiciel signale-t-il un document de santé reçu, listé sous l'objet « ${shown} » (sans le préfixe ${XDM_SUBJECT_PREFIX}) ?`, (listed) => {
    const documents = receivedDocuments(listed);
    if (documents.length === 0) return "Le logiciel ne signale aucun document de santé dans les messages reçus (SC.MSS/UX.01) : l'archive IHE_XDM.ZIP n'a pas été détectée.";
    if (!documents.some((d) => d.subjectShown === shown)) return `Objet affiché : ${documents.map((d) => `« ${d.subjectShown} »`).join(', ')} ; attendu « ${shown} », sans le préfixe ${XDM_SUBJECT_PREFIX} (SC.MSS/UX.28).`;
    return undefined;
  });
});

Then('son logiciel intègre le document au dossier de {acteur}', async function (this: HarnessWorld, label: string) {
  const { ins } = patientIdentityOf(this, this.actor(label));
  await expectClientShows(this, `Le document reçu est-il intégré automatiquement au dossier de ${label} (INS ${ins}) ?`, (listed) => {
    const outcomes = receivedDocuments(listed).flatMap((d) => d.documents);
    if (outcomes.some((d) => d.outcome === 'integrated' && d.patientIns === ins)) return undefined;
    return `Aucun document intégré au dossier de ${label} (INS ${ins}) ; le logiciel montre : ${outcomes.map((d) => d.outcome).join(', ') || 'aucun document'} (SC.MSS/UX.07 : intégration sur correspondance stricte de l'INS qualifiée).`;
  });
});

Then('son logiciel met le document en liste de travail', async function (this: HarnessWorld) {
  await expectClientShows(this, "Le document reçu est-il placé en liste de travail, pour un rapprochement manuel, sans être intégré à un dossier ?", (listed) => {
    const outcomes = receivedDocuments(listed).flatMap((d) => d.documents);
    if (outcomes.length > 0 && outcomes.every((d) => d.outcome === 'worklist')) return undefined;
    return `Le logiciel montre : ${outcomes.map((d) => d.outcome).join(', ') || 'aucun document'} ; attendu « worklist » : sans correspondance stricte d'une INS qualifiée, le document va en liste de travail (SC.MSS/UX.09).`;
  });
});

Then("son logiciel refuse le second exemplaire du document, déjà intégré", async function (this: HarnessWorld) {
  await expectClientShows(this, "Le second exemplaire du même document (même identifiant) est-il refusé, sans nouvelle intégration ?", (listed) => {
    const outcomes = receivedDocuments(listed).flatMap((d) => d.documents.map((doc) => doc.outcome));
    if (outcomes.length === 2 && outcomes[0] === 'integrated' && outcomes[1] === 'duplicate-refused') return undefined;
    return `Le logiciel montre : ${outcomes.join(', ') || 'aucun document'} ; attendu « integrated » puis « duplicate-refused » (CDA.01 : un identifiant de document déjà intégré n'est pas intégré de nouveau).`;
  });
});
