// The side by side steps done in the professional webmail's own screens: write to a patient of
// the file, reply to (or end with « [FIN] ») a received message, open the latest bounce. Each
// types and clicks like a person; the webmail's server side sends over SMTP as it always does.
import type { SideBySideAction } from '../../../../demonstrations/side-by-side/side-by-side-scripts.ts';
import { calloutMessage, SENT, type Performed, type Screens } from './performed.ts';
import { withText } from './ui-robot.ts';

type Action<K extends SideBySideAction['kind']> = Extract<SideBySideAction, { kind: K }>;

export async function webmailWriteToPatient({ robot, webmail }: Screens, action: Action<'webmail-write-to-patient'>): Promise<Performed> {
  await robot.click(await robot.waitFor(() => withText(webmail, 'button.wm-new', 'Nouveau message'), 'Le bouton « Nouveau message » de la messagerie'));
  const form = await robot.waitFor(() => webmail.querySelector<HTMLFormElement>('form.wm-compose'), 'Le formulaire de rédaction');
  const patients = await robot.waitFor(() => form.querySelector<HTMLSelectElement>(`select[name="patient"]:has(option[value="${action.ins}"])`), 'Le patient dans le dossier de la messagerie');
  await robot.choose(patients, action.ins);
  return typeAndSend(robot, form, action.text, action.subject);
}

export async function webmailReply({ robot, webmail }: Screens, action: Action<'webmail-reply'>): Promise<Performed> {
  await openFolder(robot, webmail, 'Boîte de réception');
  const row = await robot.waitFor(() => withText(webmail, '.wm-row', action.about), `Le message « ${action.about} » dans la boîte de réception`);
  await robot.click(row);
  const answer = action.end ? "Terminer l'échange ([FIN])" : 'Répondre';
  await robot.click(await robot.waitFor(() => [...webmail.querySelectorAll<HTMLButtonElement>('.wm-reader button')].find((b) => b.textContent === answer), `Le bouton « ${answer} »`));
  const form = await robot.waitFor(() => webmail.querySelector<HTMLFormElement>('form.wm-compose'), 'Le formulaire de réponse');
  return typeAndSend(robot, form, action.text);
}

export async function webmailOpenBounce({ robot, webmail }: Screens): Promise<Performed> {
  await openFolder(robot, webmail, 'Avis de non-remise');
  await robot.click(await robot.waitFor(() => webmail.querySelector<HTMLElement>('.wm-row'), 'Un avis de non-remise'));
  const reason = await robot.waitFor(() => webmail.querySelector<HTMLElement>('.wm-reader .wm-reason'), 'Le motif de non-remise');
  reason.scrollIntoView({ block: 'nearest' });
  const about = webmail.querySelector('.wm-reader .wm-link')?.textContent ?? 'Message concerné introuvable';
  return { kind: 'shown', outcome: { meaning: 'bounced', sentence: `La messagerie affiche l'avis rattaché au message envoyé (${about}) avec son motif : « ${reason.textContent ?? ''} »` } };
}

async function openFolder(robot: Screens['robot'], webmail: HTMLElement, label: string): Promise<void> {
  await robot.click(await robot.waitFor(() => withText(webmail, 'button.wm-folder', label), `Le dossier « ${label} »`));
}

/** Types the subject (when given) and the text, clicks the form's send button, waits for the webmail's answer. */
async function typeAndSend(robot: Screens['robot'], form: HTMLFormElement, text: string, subject?: string): Promise<Performed> {
  if (subject !== undefined) await robot.type(field<HTMLInputElement>(form, 'input[name="objet"]'), subject);
  await robot.type(field<HTMLTextAreaElement>(form, 'textarea[name="texte"]'), text);
  await robot.click(field<HTMLButtonElement>(form, 'button[type="submit"]'));
  const result = await robot.waitFor(() => form.querySelector<HTMLElement>('.wm-result:not(:empty)'), "La réponse de la messagerie à l'envoi");
  result.scrollIntoView({ block: 'nearest' });
  const refusal = result.querySelector<HTMLElement>('.callout');
  if (!refusal) return SENT;
  return { kind: 'shown', outcome: { meaning: 'refused', sentence: `La messagerie n'envoie pas le message : ${calloutMessage(refusal)}` } };
}

function field<T extends Element>(form: HTMLFormElement, selector: string): T {
  const element = form.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector} in the webmail's form`);
  return element;
}
