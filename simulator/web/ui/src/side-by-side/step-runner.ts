// Plays one side by side demonstration step: shows the step's mailbox and patient, does the
// action in the webmail or the app (appSteps, webmailSteps), then reads its outcome — from the
// flow entry the trust space recorded for the message sent, or from the screen when nothing was
// sent — and highlights the message where it arrives.
import type { SideBySideAction, SideBySideScript, SideBySideStep } from '../../../../demonstrations/side-by-side/side-by-side-scripts.ts';
import type { FlowEntry } from '../types.ts';
import { appOpen, appRecipients, appReply, appWrite } from './app-steps.ts';
import type { FlowWatch } from './flow-watch.ts';
import type { Performed, Screens } from './performed.ts';
import type { SideBySideApps } from './side-by-side-apps.ts';
import { isOutcomeOf, outcomeOfEntry, type StepOutcome } from './step-outcome.ts';
import { withText, type UiRobot } from './ui-robot.ts';
import { webmailOpenBounce, webmailReply, webmailWriteToPatient } from './webmail-steps.ts';

export interface StepRunnerDeps {
  readonly apps: SideBySideApps;
  readonly robot: UiRobot;
  readonly flow: FlowWatch;
  readonly label: (address: string) => string;
}

const PATIENT_DOMAIN = 'patient.mssante.fr';

export async function runStep(deps: StepRunnerDeps, script: SideBySideScript, step: SideBySideStep): Promise<StepOutcome> {
  const { apps, robot, flow } = deps;
  await apps.show(script.mailbox, step.patient ?? script.patient);
  const screens: Screens = { robot, webmail: apps.webmailRoot, app: apps.appRoot };
  const actor = step.action.kind.startsWith('app-') ? `${apps.ins.toLowerCase()}@${PATIENT_DOMAIN}` : apps.mailbox;
  const mark = flow.mark();
  const bouncesBefore = bounceCount(screens.webmail);
  const performed = await perform(screens, step.action);
  if (performed.kind === 'shown') return performed.outcome;
  const entry = await flow.waitFor(mark, (e) => isOutcomeOf(e, actor), 'Le sort du message envoyé');
  await showArrival(screens, entry, actor === apps.mailbox, bouncesBefore); // the next step starts from screens that show it
  return outcomeOfEntry(entry, deps.label);
}

const BOUNCES_FOLDER = 'Avis de non-remise';

/** The count the webmail's bounces folder shows (« Avis de non-remise (3) »), 0 before it is drawn. */
function bounceCount(webmail: HTMLElement): number {
  return Number(/\((\d+)\)/.exec(withText(webmail, 'button.wm-folder', BOUNCES_FOLDER)?.textContent ?? '')?.[1] ?? 0);
}

function perform(screens: Screens, action: SideBySideAction): Promise<Performed> {
  switch (action.kind) {
    case 'webmail-write-to-patient':
      return webmailWriteToPatient(screens, action);
    case 'webmail-reply':
      return webmailReply(screens, action);
    case 'webmail-open-bounce':
      return webmailOpenBounce(screens);
    case 'app-recipients':
      return appRecipients(screens);
    case 'app-write':
      return appWrite(screens, action);
    case 'app-reply':
      return appReply(screens, action);
    case 'app-open':
      return appOpen(screens, action);
  }
}

/** Highlights the message on the receiving side once it is listed there (the bounces folder for a bounce); nothing for a refusal. */
async function showArrival({ robot, webmail, app }: Screens, entry: FlowEntry, fromWebmail: boolean, bouncesBefore: number): Promise<void> {
  // A bounce has arrived once the folder counts it: until then the webmail lists the older ones only.
  const find =
    entry.kind === 'bounced'
      ? () => (bounceCount(webmail) > bouncesBefore ? withText(webmail, 'button.wm-folder', BOUNCES_FOLDER) : undefined)
      : entry.kind === 'delivered'
        ? () => (fromWebmail ? withText(app, '.mes-conversation', entry.subject) : withText(webmail, '.wm-row', entry.subject))
        : undefined;
  if (!find) return;
  const receiving = entry.kind === 'bounced' || !fromWebmail ? webmail : app;
  const back = receiving.querySelector<HTMLElement>('.wm-back, .mes-back');
  try {
    if (back && back.offsetParent !== null) await robot.click(back); // one pane at a time: back to the list
    await robot.waitFor(find, 'Le message reçu');
    robot.highlight(find);
  } catch {
    // the outcome is already shown; a list the person scrolled away from is not an error
  }
}
