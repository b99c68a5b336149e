// Several messages in flight before the client synchronises (SC.MSS/UX.30, UX.35, MSS/va1.14):
// each bounce and each receipt must be tied to the message it reports on (by its Message-ID or
// ENVID, never by recency), and each sent message shown in its own state. The expectations
// come from the scenario's table: one row per recipient, with the state and the reason.
import assert from 'node:assert/strict';
import { Then, type DataTable } from '@cucumber/cucumber';
import { sameAddress, type ListedMessage } from '../../simulator/public-api.ts';
import type { HarnessWorld } from '../support/world.ts';
import { expectClientShows } from './support/client-view.ts';

const STATES: Readonly<Record<string, ListedMessage['deliveryState']>> = { 'non remis': 'undelivered', remis: 'delivered', envoyé: 'sent' };

const SHOWN: Readonly<Record<string, string>> = { undelivered: 'non remis', delivered: 'remis', sent: 'envoyé' };
const shown = (state: string | undefined) => (state === undefined ? 'sans état' : SHOWN[state] ?? state);

interface Expectation {
  readonly label: string;
  readonly clientMessageId: string;
  readonly subject: string;
  readonly state: NonNullable<ListedMessage['deliveryState']>;
  readonly reason: string;
}

function expectations(world: HarnessWorld, table: DataTable): Expectation[] {
  return table.hashes().map((row) => {
    const label = row['destinataire'] ?? '';
    const state = STATES[row['état'] ?? ''];
    assert.ok(state, `État « ${row['état']} » inconnu : « non remis », « remis » ou « envoyé ».`);
    const address = world.actor(label).address;
    const action = world.session.actions.find((a) => a.recipients.some((r) => sameAddress(r, address)));
    assert.ok(action, `Le scénario n'a rien envoyé à ${label}.`);
    assert.equal(action.result.status, 'sent', `Le logiciel n'a pas envoyé le message à ${label} : ${JSON.stringify(action.result)}.`);
    const clientMessageId = action.result.status === 'sent' ? action.result.clientMessageId : '';
    return { label, clientMessageId, subject: action.subject, state, reason: row['motif'] ?? '' };
  });
}

/** What is wrong with the listing for this row, in French, or undefined. */
function problemOf(listed: readonly ListedMessage[], row: Expectation): string | undefined {
  const sent = listed.find((m) => m.folder === 'sent' && m.clientMessageId === row.clientMessageId);
  if (!sent) return `Le message envoyé à ${row.label} (${row.clientMessageId}) n'apparaît pas dans le logiciel.`;
  if (sent.deliveryState !== row.state) return `Le message envoyé à ${row.label} est affiché « ${shown(sent.deliveryState)} » au lieu de « ${shown(row.state)} » (SC.MSS/UX.35 : chaque avis est rattaché à son message par son Message-ID, pas au dernier envoyé).`;
  const tied = listed.filter((m) => (m.kind === 'bounce' || m.kind === 'receipt') && m.report?.aboutClientMessageId === row.clientMessageId);
  const kind = row.state === 'undelivered' ? 'bounce' : row.state === 'delivered' ? 'receipt' : undefined;
  const wrong = tied.filter((m) => m.kind !== kind);
  if (wrong.length > 0) return `Le logiciel rattache au message envoyé à ${row.label} ${wrong.length} avis qui ne le concerne(nt) pas (${wrong.map((m) => `${m.kind} « ${m.report?.reasonShown ?? ''} »`).join(', ')}) (SC.MSS/UX.35).`;
  if (kind === undefined) return undefined;
  const own = tied.find((m) => m.kind === kind);
  if (!own) return `Aucun ${kind === 'bounce' ? 'avis de non-remise' : 'accusé de remise'} n'est rattaché au message envoyé à ${row.label} (${row.clientMessageId}) (SC.MSS/UX.35).`;
  if (row.reason !== '' && !(own.report?.reasonShown ?? '').includes(row.reason)) return `Pour le message envoyé à ${row.label}, motif attendu contenant « ${row.reason} » (SC.MSS/UX.30) ; le logiciel montre « ${own.report?.reasonShown ?? ''} ».`;
  return undefined;
}

Then("son logiciel montre chaque message envoyé dans son état, avec l'avis qui le concerne :", async function (this: HarnessWorld, table: DataTable) {
  const rows = expectations(this, table);
  const question = `Le logiciel montre-t-il chaque message dans son état, chaque avis rattaché au bon message : ${rows.map((r) => `${r.label} → ${shown(r.state)}${r.reason ? ` (« ${r.reason} »)` : ''}`).join(' ; ')} ?`;
  await expectClientShows(this, question, (listed) => {
    const problems = rows.map((row) => problemOf(listed, row)).filter((p): p is string => p !== undefined);
    return problems.length === 0 ? undefined : problems.join('\n');
  });
});
