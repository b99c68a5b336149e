// What a trainer can do: change a patient's state, make a patient write to or reply to
// a professional or pharmacy (Mon espace santé rules apply, refusals shown with their French
// reason, REG-MES-04), reset the trust space after a confirmation.
import { ApiCallError, errorMessage, getJson, send } from './api.ts';
import { byId, el, labelled, replace, select } from './dom.ts';
import { PATIENT_STATE_LABELS } from './labels.ts';
import type { ConversationSnapshot, PatientState, TrustSpaceSnapshot } from './types.ts';

export interface TrainerPanelHooks {
  /** After any successful action: refresh what depends on it. */
  readonly changed: () => void;
}

export function renderTrainerPanel(container: HTMLElement, space: TrustSpaceSnapshot, hooks: TrainerPanelHooks): void {
  const patients = space.patients.map((p) => ({ value: p.ins, label: `${p.identity.firstName} ${p.identity.birthName} (${p.ins})` }));
  const datalist = el('datalist', { attrs: { id: 'adresses-professionnelles' } }, ...space.mailboxes.map((m) => el('option', { attrs: { value: m.address } })));
  replace(container, datalist, profileForm(patients, hooks), writeForm(patients, hooks), replyForm(patients, hooks), resetBlock(hooks));
}

type Options = readonly { value: string; label: string }[];

function profileForm(patients: Options, hooks: TrainerPanelHooks): HTMLElement {
  const patient = select(patients, 'patient');
  const state = select(
    (Object.keys(PATIENT_STATE_LABELS) as PatientState[]).map((value) => ({ value, label: PATIENT_STATE_LABELS[value] })),
    'state',
  );
  return actionForm('form-profil', 'Changer l\'état du profil d\'un patient', [labelled('Patient', patient), labelled('Nouvel état', state)], 'Appliquer', async () => {
    await send('PUT', `/api/patients/${encodeURIComponent(patient.value)}/profile`, { state: state.value });
    hooks.changed();
    return `Profil de ${patient.selectedOptions[0]?.text ?? patient.value} : ${PATIENT_STATE_LABELS[state.value as PatientState]}.`;
  });
}

function writeForm(patients: Options, hooks: TrainerPanelHooks): HTMLElement {
  const patient = select(patients, 'patient');
  const to = el('input', { attrs: { name: 'to', type: 'email', required: '', list: 'adresses-professionnelles', autocomplete: 'off' } });
  const subject = el('input', { attrs: { name: 'subject', required: '' } });
  const text = el('textarea', { attrs: { name: 'text', rows: '2', required: '' } });
  return actionForm('form-ecrire', 'Le patient écrit à un professionnel ou à une pharmacie', [labelled('Patient', patient), labelled('Destinataire', to), labelled('Objet', subject), labelled('Texte', text)], 'Envoyer depuis Mon espace santé', async () => {
    await send('POST', `/api/patients/${encodeURIComponent(patient.value)}/messages`, { to: to.value.trim(), subject: subject.value, text: text.value });
    hooks.changed();
    return `Message remis à ${to.value.trim()}.`;
  });
}

function replyForm(patients: Options, hooks: TrainerPanelHooks): HTMLElement {
  const patient = select(patients, 'patient');
  const message = el('select', { attrs: { name: 'messageId', required: '' } });
  const text = el('textarea', { attrs: { name: 'text', rows: '2', required: '' } });
  const loadMessages = async () => {
    const conversations = await getJson<ConversationSnapshot[]>(`/api/conversations?patient=${encodeURIComponent(patient.value)}`);
    const options = conversations.flatMap((c) => c.entries.filter((e) => e.direction === 'to-patient').map((e) => ({ value: e.storeId, label: `${c.counterpart} — ${e.subject ?? '(sans objet)'}` })));
    replace(message, ...(options.length ? options.map((o) => el('option', { text: o.label, attrs: { value: o.value } })) : [el('option', { text: 'aucun message reçu', attrs: { value: '' } })]));
  };
  patient.addEventListener('change', () => void loadMessages().catch(() => undefined));
  patient.addEventListener('focus', () => void loadMessages().catch(() => undefined));
  message.addEventListener('focus', () => void loadMessages().catch(() => undefined));
  void loadMessages().catch(() => undefined);
  return actionForm('form-repondre', 'Le patient répond à un message reçu', [labelled('Patient', patient), labelled('Message reçu', message), labelled('Texte', text)], 'Répondre', async () => {
    if (!message.value) throw new Error('Choisissez un message reçu par le patient.');
    await send('POST', `/api/patients/${encodeURIComponent(patient.value)}/replies`, { messageId: message.value, text: text.value });
    hooks.changed();
    return 'Réponse remise.';
  });
}

function actionForm(id: string, title: string, fields: HTMLElement[], submitLabel: string, act: () => Promise<string>): HTMLElement {
  const output = el('output', { className: 'result', attrs: { role: 'status', 'aria-live': 'polite' } });
  const submit = el('button', { text: submitLabel, attrs: { type: 'submit' } });
  const form = el('form', { className: 'action', attrs: { id, 'aria-labelledby': `${id}-titre` } }, el('h3', { text: title, attrs: { id: `${id}-titre` } }), ...fields, submit, output);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    output.className = 'result';
    replace(output, 'En cours…');
    act()
      .then((message) => {
        output.className = 'result ok';
        replace(output, message);
      })
      .catch((error: unknown) => {
        output.className = 'result error';
        const refused = error instanceof ApiCallError && error.status === 403;
        replace(output, refused ? `Refusé par Mon espace santé : ${error.message}` : errorMessage(error));
      })
      .finally(() => (submit.disabled = false));
  });
  return form;
}

function resetBlock(hooks: TrainerPanelHooks): HTMLElement {
  const output = el('output', { className: 'result', attrs: { role: 'status', 'aria-live': 'polite' } });
  const open = el('button', { className: 'danger', text: 'Réinitialiser l\'espace de confiance…', attrs: { type: 'button' } });
  open.addEventListener('click', () => {
    const dialog = byId<HTMLDialogElement>('confirm-reset');
    dialog.returnValue = '';
    dialog.showModal();
    dialog.addEventListener(
      'close',
      () => {
        if (dialog.returnValue !== 'confirmer') return;
        send('POST', '/api/reset')
          .then(() => {
            output.className = 'result ok';
            replace(output, 'Espace de confiance réinitialisé : boîtes vidées, conversations et journal effacés.');
            hooks.changed();
          })
          .catch((error: unknown) => {
            output.className = 'result error';
            replace(output, errorMessage(error));
          });
      },
      { once: true },
    );
  });
  return el('section', { className: 'action' }, el('h3', { text: 'Réinitialiser' }), el('p', { text: 'Revient aux données de départ : vide les boîtes, les conversations, le journal et le flux.' }), open, output);
}
