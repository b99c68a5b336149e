// The web UI of the simulator, in French: the trust space, the live flow as a sequence
// diagram, messages in full, conversations, trainer actions, démonstrations and the manual
// driver's console. Entry point bundled by ../ui-bundle.ts.
import { applyStoredTheme, onPresentationChange, presentationToggle } from '../design/theme.ts';
import { errorMessage, getJson, initialToken, openReadSession, setToken } from './api.ts';
import { ConsolePanel } from './console-panel.ts';
import { ConversationsPanel } from './conversations-panel.ts';
import { laneHeader } from './demonstration-flow.ts';
import { DemonstrationsPanel } from './demonstrations-panel.ts';
import { byId, el, replace } from './dom.ts';
import { FlowList } from './flow-list.ts';
import type { RowNaming } from './flow-row.ts';
import { Lanes } from './lanes.ts';
import { listenLive } from './live-events.ts';
import { openMessageDetail } from './message-detail.ts';
import { Participants } from './participants.ts';
import { setUpTabs } from './tabs.ts';
import { renderTrainerPanel } from './trainer-panel.ts';
import { retentionNote, type RetentionStats } from './retention-note.ts';
import { renderTrustSpace } from './trust-space-panel.ts';
import type { ConversationSnapshot, FlowEntry, TrustSpaceSnapshot } from './types.ts';

const numbers = new Intl.NumberFormat('fr-FR');

function start(): void {
  applyStoredTheme();
  byId('affichage').appendChild(presentationToggle());
  const token = byId<HTMLInputElement>('jeton');
  token.value = initialToken();
  token.addEventListener('change', () => setToken(token.value.trim()));
  byId('form-jeton').addEventListener('submit', (event) => {
    event.preventDefault();
    setToken(token.value.trim());
    // A new token: a new read cookie, then everything (live feed included) reloads with it.
    openReadSession().then(() => location.reload(), (error: unknown) => showProblem(errorMessage(error)));
  });
  byId('detail-close').addEventListener('click', () => byId<HTMLDialogElement>('detail').close());

  let space: TrustSpaceSnapshot | undefined;
  let participants = new Participants();
  let lanes = new Lanes();
  const addresses = byId<HTMLInputElement>('montrer-adresses');
  const technical = (address: string) => address || '<>';
  const naming = (): RowNaming => ({ label: addresses.checked ? technical : (address) => participants.label(address), address: technical });
  const scenarios = new Set<string>();
  let statsTimer: ReturnType<typeof setTimeout> | undefined;
  const loadRetention = () => {
    clearTimeout(statsTimer);
    statsTimer = setTimeout(() => {
      getJson<RetentionStats>('/api/stats')
        .then((stats) => replace(byId('flux-effaces'), retentionNote(stats, numbers)))
        .catch((error: unknown) => showProblem(errorMessage(error)));
    }, 500);
  };
  const list = new FlowList(lanes, {
    viewport: byId('flux'),
    naming: naming(),
    onOpen: (entry) => openMessageDetail(entry, participants),
    onCount: (total) => {
      replace(byId('flux-compte'), total === 0 ? 'Aucun message pour l\'instant.' : `${numbers.format(total)} message${total > 1 ? 's' : ''}`);
      loadRetention();
    },
    onError: (error) => showProblem(errorMessage(error)),
  });
  const demonstrations = new DemonstrationsPanel({ list: byId('demonstrations-liste'), stage: byId('demonstration-scene'), lanes: () => lanes, naming });
  addresses.addEventListener('change', () => {
    list.setNaming(naming());
    demonstrations.refresh();
  });
  onPresentationChange(() => {
    list.remeasure();
    demonstrations.refresh();
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (byId('vue-demonstrations').hidden || document.querySelector('dialog[open]')) return;
    if (target.closest('input, select, textarea, [role="tab"], [role="listbox"]')) return;
    if (demonstrations.key(event)) event.preventDefault();
  });
  const consolePanel = new ConsolePanel(byId('console'), (count) => replace(byId('console-compte'), count ? `(${count})` : ''));

  const loadSpace = async () => {
    space = await getJson<TrustSpaceSnapshot>('/api/trust-space');
    participants = new Participants(space);
    lanes = new Lanes(space);
    list.setLanes(lanes);
    list.setNaming(naming());
    demonstrations.refresh();
    replace(byId('flux-couloirs'), laneHeader(lanes, 'flow-lane-labels'));
    renderTrustSpace(byId('espace'), space);
    return space;
  };
  const conversationsPanel = new ConversationsPanel(byId('conversations'));
  let conversationsTimer: ReturnType<typeof setTimeout> | undefined;
  const loadConversations = () => {
    clearTimeout(conversationsTimer);
    conversationsTimer = setTimeout(() => {
      getJson<ConversationSnapshot[]>('/api/conversations')
        .then((conversations) => conversationsPanel.render(conversations, space, participants))
        .catch((error: unknown) => showProblem(errorMessage(error)));
    }, 200);
  };

  setUpTabs(document.querySelector<HTMLElement>('[role="tablist"]') ?? document.body, (panel) => {
    if (panel === 'vue-conversations') loadConversations();
  });
  setUpFilters(list);

  /** After a reset or a cut of the feed: the flow, the trust space, the conversations and the console. */
  const readAgain = () => {
    void list.reload().catch((error: unknown) => showProblem(errorMessage(error)));
    void loadSpace().catch((error: unknown) => showProblem(errorMessage(error)));
    loadConversations();
    void consolePanel.load();
  };

  const connect = () => {
    listenLive({
      flow: (entry: FlowEntry) => {
        list.addLive(entry);
        demonstrations.flow(entry);
        if (entry.scenario && !scenarios.has(entry.scenario)) {
          scenarios.add(entry.scenario);
          byId('scenarios-vus').appendChild(el('option', { attrs: { value: entry.scenario } }));
        }
        loadConversations();
      },
      reset: () => {
        list.clear();
        readAgain();
      },
      patient: () => void loadSpace().catch((error: unknown) => showProblem(errorMessage(error))),
      demonstration: (run) => demonstrations.update(run),
      console: (prompt) => consolePanel.update(prompt),
      status: (connected) => {
        // Back after a cut (the server cuts a feed the page stopped reading, a manual run's end
        // restarts the simulator to show its verdict): what happened meanwhile came as no event,
        // so the flow, the trust space, the conversations and the console are read again.
        if (connected && feed === 'disconnected') readAgain();
        feed = connected ? 'connected' : 'disconnected';
        const status = byId('etat-direct');
        status.className = `live-status ${feed}`;
        // A problem shown while the feed was down (e.g. « Lecture refusée : jeton absent ») stays:
        // it says why the feed is down, whichever of the two failures the browser reports last.
        if (connected) problemWhileDown = undefined;
        replace(status, connected ? CONNECTED : problemWhileDown ?? 'Flux en direct : reconnexion…');
      },
    });

    loadSpace()
      .then((loaded) => {
        fillFilterOptions(loaded, participants);
        renderTrainerPanel(byId('actions'), loaded, { changed: () => loadConversations() });
      })
      .catch((error: unknown) => showProblem(errorMessage(error)));
    void list.reload();
    loadConversations();
    void demonstrations.load();
    void consolePanel.load();
  };
  // The read cookie first (off loopback), so that the live feed and the loads of connect() may read.
  openReadSession()
    .catch((error: unknown) => showProblem(errorMessage(error)))
    .finally(() => connect());
}

function setUpFilters(list: FlowList): void {
  const form = byId<HTMLFormElement>('filtres');
  const apply = () => {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    void list.setFilters({ mailbox: value('mailbox'), patient: value('patient'), scenario: value('scenario') });
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener('reset', () => setTimeout(apply, 0));
}

function fillFilterOptions(space: TrustSpaceSnapshot, participants: Participants): void {
  const mailboxes = byId<HTMLSelectElement>('filtre-bal');
  for (const mailbox of space.mailboxes) mailboxes.appendChild(el('option', { text: `${mailbox.displayName} — ${mailbox.address}`, attrs: { value: mailbox.address } }));
  const patients = byId<HTMLSelectElement>('filtre-patient');
  for (const patient of space.patients) patients.appendChild(el('option', { text: `${participants.of(patient.address).name} (INS ${patient.ins})`, attrs: { value: patient.ins } }));
}

/** The live feed's state (`connecting` until its first answer), and the last problem shown while it was not connected (kept until it connects). */
let feed: 'connecting' | 'connected' | 'disconnected' = 'connecting';
let problemWhileDown: string | undefined;

const CONNECTED = 'Flux en direct : connecté';

/** How long a problem stays in the status line while the feed is connected (a failed load, read, then gone). */
const PROBLEM_SHOWN_MS = 8000;
let problemTimer: ReturnType<typeof setTimeout> | undefined;

function showProblem(message: string): void {
  if (feed !== 'connected') problemWhileDown = message;
  const status = byId('etat-direct');
  status.className = 'live-status disconnected';
  replace(status, message);
  // The feed works: the line says so again once the problem was read (it said « disconnected »
  // until the feed itself changed, long after a single failed load).
  clearTimeout(problemTimer);
  if (feed === 'connected') {
    problemTimer = setTimeout(() => {
      if (feed !== 'connected') return;
      status.className = 'live-status connected';
      replace(status, CONNECTED);
    }, PROBLEM_SHOWN_MS);
  }
}

start();
