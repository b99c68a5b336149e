// Entry point of /cote-a-cote, for trainers: the pharmacist's webmail (`?bal=`, by default the
// Pharmacie du Parc) next to the patient's Mon espace santé app (`?ins=`, by default Louise
// Marchand), the live flow below, one line per message the trust space routed, bounced or refused.
import { meaningBadge } from '../design/badge.ts';
import { presentationToggle } from '../design/theme.ts';
import { onTrustSpaceChange, pageParameter, startAppPage } from './app-shell.ts';
import { byId, el, formatTime } from './dom.ts';
import { flowBadges, reasonText } from './flow-meaning.ts';
import { PatientApp } from './patient/patient-app.ts';
import type { FlowEntry } from './types.ts';
import { WebmailApp } from './webmail/webmail-app.ts';

const DEFAULT_MAILBOX = 'pharmacie.duparc@pharmacien.mssante.fr';
const DEFAULT_PATIENT = '284034912304586';
const SHOWN = 30;

async function main(): Promise<void> {
  await startAppPage();
  const webmail = new WebmailApp(byId('app-webmail'), pageParameter('bal') || DEFAULT_MAILBOX);
  const patient = new PatientApp(byId('app-patient'), pageParameter('ins') || DEFAULT_PATIENT);
  const list = byId('flux-direct');
  byId('flux-titre').after(presentationToggle()); // projector: dark, high contrast, large type
  const source = onTrustSpaceChange(
    () => {
      webmail.refresh();
      patient.refresh();
    },
    (data) => {
      list.prepend(flowLine(JSON.parse(data) as FlowEntry));
      while (list.children.length > SHOWN) list.lastElementChild?.remove();
    },
  );
  source.addEventListener('reset', () => list.replaceChildren());
  await Promise.all([webmail.load(), patient.load()]);
}

function flowLine(entry: FlowEntry): HTMLElement {
  const reason = reasonText(entry);
  return el('li', { className: 'side-flow-line' },
    el('time', { text: formatTime(entry.at), attrs: { datetime: entry.at } }),
    ...flowBadges(entry).map((badge) => meaningBadge(badge.meaning, badge.text)),
    el('span', { text: ` « ${entry.subject} » ` }),
    el('span', { className: 'technical', text: `${entry.from || '<>'} → ${entry.to.join(', ')}` }),
    reason ? el('span', { className: 'side-flow-reason', text: ` ${reason}` }) : null,
  );
}

void main();
