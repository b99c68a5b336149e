// Entry point of /cote-a-cote, for trainers: the pharmacist's webmail (`?bal=`, by default the
// Pharmacie du Parc) next to the patient's Mon espace santé app (`?ins=`, by default Louise
// Marchand), the live flow below, one line per message the trust space routed, bounced or refused.
import { meaningBadge } from '../design/badge.ts';
import type { Meaning } from '../design/meaning.ts';
import { onTrustSpaceChange, pageParameter, startAppPage } from './app-shell.ts';
import { byId, el, formatTime } from './dom.ts';
import { flowMarks, FLOW_KIND_LABELS } from './labels.ts';
import { PatientApp } from './patient/patient-app.ts';
import type { FlowEntry, FlowKind } from './types.ts';
import { WebmailApp } from './webmail/webmail-app.ts';

const DEFAULT_MAILBOX = 'pharmacie.duparc@pharmacien.mssante.fr';
const DEFAULT_PATIENT = '284034912304586';
const KIND_MEANINGS: Readonly<Record<FlowKind, Meaning>> = { delivered: 'delivered', bounced: 'bounced', 'refused-at-rcpt': 'refused', 'patient-refused': 'refused', receipt: 'info', 'auto-reply': 'info' };
const SHOWN = 30;

async function main(): Promise<void> {
  await startAppPage();
  const webmail = new WebmailApp(byId('app-webmail'), pageParameter('bal') || DEFAULT_MAILBOX);
  const patient = new PatientApp(byId('app-patient'), pageParameter('ins') || DEFAULT_PATIENT);
  const list = byId('flux-direct');
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
  return el('li', { className: 'side-flow-line' },
    el('time', { text: formatTime(entry.at), attrs: { datetime: entry.at } }),
    meaningBadge(KIND_MEANINGS[entry.kind] ?? 'info', FLOW_KIND_LABELS[entry.kind] ?? entry.kind),
    el('span', { text: ` « ${entry.subject} » ` }),
    el('span', { className: 'technical', text: `${entry.from || '<>'} → ${entry.to.join(', ')}` }),
    ...flowMarks(entry).map((mark) => el('span', { className: 'muted', text: ` · ${mark}` })),
    entry.reason ? el('span', { className: 'side-flow-reason', text: ` ${entry.reason}` }) : null,
  );
}

void main();
