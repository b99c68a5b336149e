// The side by side steps done in the patient's Mon espace santé app, in its own screens: the
// recipients she is offered, the three steps of « Nouveau message » to a pharmacy, a reply in a
// conversation, a conversation as she sees it. Mon espace santé decides; its sentences are read
// from the screen or from the live flow, never written here.
import type { SideBySideAction } from '../../../../demonstrations/side-by-side/side-by-side-scripts.ts';
import { calloutMessage, SENT, type Performed, type Screens } from './performed.ts';
import type { UiRobot } from './ui-robot.ts';
import { withText } from './ui-robot.ts';

type Action<K extends SideBySideAction['kind']> = Extract<SideBySideAction, { kind: K }>;

export async function appRecipients({ robot, app }: Screens): Promise<Performed> {
  const journey = await openJourney(robot, app);
  const step = await robot.waitFor(() => withText(journey, 'fieldset.mes-step', 'Pharmacies proposées'), 'Le choix du destinataire');
  /** The names listed under a heading of the step, up to the next heading. */
  const names = (heading: string) => {
    const found: string[] = [];
    for (let next = withText(step, 'h3', heading)?.nextElementSibling; next && next.tagName !== 'H3'; next = next.nextElementSibling) {
      found.push(...[...next.querySelectorAll('.mes-choice > span > span:first-of-type')].map((n) => n.textContent ?? ''));
    }
    return found.length > 0 ? found.join(', ') : 'aucun';
  };
  const who = app.querySelector('.mes-who')?.textContent ?? 'la patiente';
  return { kind: 'shown', outcome: { meaning: 'info', sentence: `Mon espace santé propose à ${who} : contacts, ${names('Mes contacts')} ; pharmacies fréquentées, ${names('Pharmacies proposées')}. Toute autre pharmacie se cherche par nom ou code postal.` } };
}

export async function appWrite({ robot, app }: Screens, action: Action<'app-write'>): Promise<Performed> {
  const journey = await openJourney(robot, app);
  const document = action.document ? withText(journey, 'label.mes-choice', action.document) : withText(journey, 'label.mes-choice', 'Aucun document');
  if (document) await robot.click(document.querySelector<HTMLInputElement>('input') ?? document);
  let where: ParentNode = journey;
  if (action.search) {
    await robot.type(await robot.waitFor(() => journey.querySelector<HTMLInputElement>('input[name="recherche"]'), 'La recherche de pharmacie'), action.search);
    await robot.click(await robot.waitFor(() => withText(journey, 'button', 'Rechercher'), 'Le bouton « Rechercher »'));
    where = await robot.waitFor(() => journey.querySelector<HTMLElement>('.mes-found'), 'Les pharmacies trouvées');
  }
  const pharmacy = await robot.waitFor(() => withText(where, 'label.mes-choice', action.pharmacy), `${action.pharmacy} parmi les destinataires`);
  await robot.click(pharmacy.querySelector<HTMLInputElement>('input') ?? pharmacy);
  await robot.type(field<HTMLInputElement>(journey, 'input[name="objet"]'), action.subject);
  await robot.type(field<HTMLTextAreaElement>(journey, 'textarea[name="texte"]'), action.text);
  await robot.click(await robot.waitFor(() => journey.querySelector<HTMLButtonElement>('button[type="submit"]:not([disabled])'), 'Le bouton « Envoyer »'));
  await robot.waitFor(() => (journey.isConnected ? journey.querySelector('.mes-result .callout') : app.querySelector('.mes-message')), 'La réponse de Mon espace santé');
  return SENT;
}

export async function appReply({ robot, app }: Screens, action: Action<'app-reply'>): Promise<Performed> {
  await openConversation(robot, app, action.counterpart);
  const text = await robot.waitFor(() => app.querySelector<HTMLTextAreaElement>('form.mes-reply textarea:not([disabled])'), 'Le champ de réponse');
  await robot.type(text, action.text);
  await robot.click(field<HTMLButtonElement>(app, 'form.mes-reply button[type="submit"]'));
  await robot.waitFor(() => app.querySelector('.mes-message.from-patient, form.mes-reply .callout'), 'La réponse de Mon espace santé');
  return SENT;
}

export async function appOpen({ robot, app }: Screens, action: Action<'app-open'>): Promise<Performed> {
  await openConversation(robot, app, action.counterpart);
  const reply = await robot.waitFor(() => app.querySelector<HTMLTextAreaElement>('form.mes-reply textarea'), 'La conversation');
  const banner = app.querySelector('.mes-detail .callout.meaning-closed');
  if (banner && reply.disabled) return { kind: 'shown', outcome: { meaning: 'closed', sentence: `Mon espace santé affiche « ${calloutMessage(banner)} » et le bouton « Répondre » est désactivé.` } };
  return { kind: 'shown', outcome: { meaning: 'info', sentence: `La conversation avec ${action.counterpart} est ouverte : la patiente peut répondre.` } };
}

async function openJourney(robot: UiRobot, app: HTMLElement): Promise<HTMLFormElement> {
  const open = app.querySelector<HTMLFormElement>('form.mes-journey');
  if (open) return open;
  await robot.click(await robot.waitFor(() => app.querySelector<HTMLButtonElement>('button.mes-new'), 'Le bouton « Nouveau message » de Mon espace santé'));
  return robot.waitFor(() => app.querySelector<HTMLFormElement>('form.mes-journey'), 'Le parcours « Nouveau message »');
}

async function openConversation(robot: UiRobot, app: HTMLElement, counterpart: string): Promise<void> {
  const back = app.querySelector<HTMLButtonElement>('.mes-back');
  if (back && getComputedStyle(back).display !== 'none') await robot.click(back);
  await robot.click(await robot.waitFor(() => withText(app, 'button.mes-conversation', counterpart), `La conversation avec ${counterpart}`));
}

function field<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector} in the app's screen`);
  return element;
}
