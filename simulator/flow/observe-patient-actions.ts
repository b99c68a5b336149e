// Mon espace santé as the trust space exposes it, telling the live flow about each patient
// action it refuses (REG-MES-04: a refused message never reaches the professional, but the
// trainer sees the refusal and its French reason).
import type { MessageStore } from '../mail/message-store.ts';
import type { MonEspaceSante, PatientActionResult } from '../mes/mon-espace-sante.ts';
import type { FlowRecorder } from './flow-recorder.ts';

export function observePatientActions(mes: MonEspaceSante, flow: FlowRecorder, store: MessageStore): MonEspaceSante {
  const lastRefusal = () => mes.refusals()[mes.refusals().length - 1];
  const report = (result: PatientActionResult, subject: string, originalId?: string) => {
    const record = lastRefusal();
    if (result.accepted || !record) return;
    const original = originalId === undefined ? undefined : store.get(originalId);
    flow.patientRefused({ record, subject, ...(original ? { original } : {}) });
  };
  return {
    async reply(input) {
      const result = await mes.reply(input);
      const original = store.get(input.messageId);
      report(result, input.subject ?? `RE: ${original?.index.subject ?? ''}`, input.messageId);
      return result;
    },
    async write(input) {
      const result = await mes.write(input);
      report(result, input.subject);
      return result;
    },
    conversations: (ins) => mes.conversations(ins),
    contactable: (ins) => mes.contactable(ins),
    refusals: () => mes.refusals(),
    clear: () => mes.clear(),
  };
}
