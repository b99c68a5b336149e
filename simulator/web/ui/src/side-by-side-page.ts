// Entry point of /cote-a-cote, for trainers: the pharmacist's webmail (`?bal=`, by default the
// Pharmacie du Parc) next to the patient's Mon espace santé app (`?ins=`, by default Louise
// Marchand), the live flow below, one line per message the trust space routed, bounced or
// refused, and the guided demonstrations played step by step in the two screens.
import { meaningBadge } from '../design/badge.ts';
import { presentationToggle } from '../design/theme.ts';
import { errorMessage, getJson } from './api.ts';
import { onTrustSpaceChange, pageParameter, startAppPage } from './app-shell.ts';
import { breakableText, byId, el, formatTime } from './dom.ts';
import { flowBadges, reasonText } from './flow-meaning.ts';
import { flowQuery } from './flow-query.ts';
import { Participants } from './participants.ts';
import { DemonstrationControl } from './side-by-side/demonstration-control.ts';
import { FlowWatch } from './side-by-side/flow-watch.ts';
import { RecentFlow } from './side-by-side/recent-flow.ts';
import { SideBySideApps } from './side-by-side/side-by-side-apps.ts';
import { runStep } from './side-by-side/step-runner.ts';
import { UiRobot } from './side-by-side/ui-robot.ts';
import type { Demonstration, FlowEntry, FlowPage, TrustSpaceSnapshot } from './types.ts';

const DEFAULT_MAILBOX = 'pharmacie.duparc@pharmacien.mssante.fr';
const DEFAULT_PATIENT = '284034912304586';
const SHOWN = 30;

async function main(): Promise<void> {
  await startAppPage();
  const apps = new SideBySideApps(byId('app-webmail'), byId('app-patient'), pageParameter('bal') || DEFAULT_MAILBOX, pageParameter('ins') || DEFAULT_PATIENT);
  const list = byId('flux-direct');
  const watch = new FlowWatch();
  const recent = new RecentFlow(SHOWN);
  let participants = new Participants();
  const line = (entry: FlowEntry) => flowLine(entry, (address) => participants.label(address));
  // Whole list drawn after a read or a reset only: a live entry adds its line alone, so that the
  // list (aria-live) announces that line and not all of them again.
  const draw = () => list.replaceChildren(...recent.lines.map(line));
  const readRecent = async () => {
    recent.beginRead();
    try {
      recent.endRead((await getJson<FlowPage>(flowQuery(0, SHOWN, {}))).entries);
    } catch (error) {
      recent.abandonRead();
      console.error(errorMessage(error));
    }
    draw();
  };
  byId('flux-titre').after(presentationToggle()); // projector: dark, high contrast, large type
  const robot: UiRobot = new UiRobot(() => control.animated);
  const control: DemonstrationControl = new DemonstrationControl({
    prepare: (script) => apps.show(script.mailbox, script.patient),
    play: (script, step) => runStep({ apps, robot, flow: watch, label: (address) => participants.label(address) }, script, step),
  });
  byId('demo-controle').appendChild(control.element);
  onTrustSpaceChange(() => apps.refresh(), {
    onFlow: (data) => {
      const entry = JSON.parse(data) as FlowEntry;
      watch.add(entry);
      recent.add(entry);
      list.querySelector(`[data-entry="${CSS.escape(entry.id)}"]`)?.remove();
      list.prepend(line(entry));
      while (list.children.length > SHOWN) list.lastElementChild?.remove();
    },
    onReset: () => {
      recent.clear();
      draw();
    },
    onReconnect: () => void readRecent(),
  });
  await Promise.all([
    apps.load(),
    readRecent(),
    // The lines drawn again with the participants' names (a bounce's reason names its recipient).
    getJson<TrustSpaceSnapshot>('/api/trust-space').then((space) => ((participants = new Participants(space)), draw())).catch((error: unknown) => console.error(errorMessage(error))),
    getJson<Demonstration[]>('/api/demonstrations').then((catalogue) => control.load(catalogue)).catch((error: unknown) => control.unavailable(errorMessage(error))),
  ]);
}

/** One line of the live flow; a bounce's reason names the recipient (« Non distribué à Gérard Lambert, patient, car … »). */
function flowLine(entry: FlowEntry, label: (address: string) => string): HTMLElement {
  const reason = reasonText(entry, label);
  return el('li', { className: 'side-flow-line', attrs: { 'data-entry': entry.id } },
    el('time', { text: formatTime(entry.at), attrs: { datetime: entry.at } }),
    ...flowBadges(entry).map((badge) => meaningBadge(badge.meaning, badge.text)),
    el('span', { text: ` « ${entry.subject} » ` }),
    el('span', { className: 'technical' }, ...breakableText(`${entry.from || '<>'} → ${entry.to.join(', ')}`)),
    reason ? el('span', { className: 'side-flow-reason', text: ` ${reason}` }) : null,
  );
}

void main();
