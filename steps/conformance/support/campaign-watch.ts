// Feeds the campaign ledger (campaign-ledger.ts) of this cucumber run from the simulator's live
// observations: messages the client transmitted, bounces and 5.x.x refusals at RCPT TO, and what
// each conformance scenario asked the client to send. It lives beside the trust space, not in
// it: the per-scenario reset does not clear it. With parallel workers each worker writes its
// records to a folder shared by the run (MSS_REGISTRE_CAMPAGNE, made by the coordinating
// process), so that the end-of-run review reads the whole campaign.
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addressKey, HARNESS_PRODUCT_NIL, processTempDir, type Transmission, type TrustSpace } from '../../../simulator/public-api.ts';
import { BETWEEN_SCENARIOS, type Asked, type LedgerEvent, type LedgerMessage } from './campaign-ledger.ts';

export const CAMPAIGN_FOLDER_ENV = 'MSS_REGISTRE_CAMPAGNE';

/** One record of the watch: an event of the ledger tagged with its scenario, or what a scenario asked. */
type WatchRecord =
  | { readonly kind: 'failure'; readonly at: number; readonly message: LedgerMessage; readonly failedRecipients: readonly string[]; readonly reply: string }
  | { readonly kind: 'transmission'; readonly at: number; readonly message: LedgerMessage; readonly scenarioKey: string }
  | { readonly kind: 'asked'; readonly scenarioKey: string; readonly recipients: readonly string[]; readonly subjects: readonly string[] };

interface CurrentScenario {
  readonly key: string;
  readonly name: string;
}

// The coordinating process of a parallel run (or the only process) makes the shared folder; the
// workers it forks inherit the variable. It goes when that process ends (after its workers).
if (process.env.CUCUMBER_WORKER_ID === undefined) process.env[CAMPAIGN_FOLDER_ENV] = processTempDir('mss-registre-campagne-');

class CampaignWatch {
  #space: TrustSpace | undefined;
  #unsubscribe: (() => void)[] = [];
  #records: WatchRecord[] = [];
  /** The conformance scenario running, or the last one when between scenarios; undefined during other scenarios. */
  #current: CurrentScenario | undefined;
  #running = false;
  /** Mailboxes the client under test has used in this run. */
  readonly #clientMailboxes = new Set<string>();
  /** The scenario each of the client's transmissions arrived in, by transmission id. */
  readonly #scenarioOf = new Map<string, string>();

  /** Starts watching this trust space (a new run starts a new ledger). */
  watch(space: TrustSpace): void {
    if (this.#space === space) return;
    for (const stop of this.#unsubscribe) stop();
    this.#space = space;
    this.#records = [];
    this.#clientMailboxes.clear();
    this.#scenarioOf.clear();
    this.#current = undefined;
    const observations = space.observations;
    this.#unsubscribe = [
      observations.on('message-accepted', (o) => this.#transmitted(o.transmission, o.at.getTime())),
      observations.on('report-issued', (o) => {
        if (o.kind !== 'bounce') return;
        const transmission = space.transmissions.get(o.transmissionId);
        if (!transmission || !this.#isClients(transmission)) return;
        const failedRecipients = o.recipients.filter((r) => r.status.startsWith('5')).map((r) => addressKey(r.recipient));
        const reply = o.recipients.map((r) => r.status).join(', ');
        if (failedRecipients.length > 0) this.#record({ kind: 'failure', at: o.at.getTime(), message: this.#messageOf(transmission), failedRecipients, reply: `avis de non-remise ${reply}` });
      }),
      observations.on('smtp-exchange', (o) => {
        if (o.endpoint !== 'submission' || o.verb !== 'RCPT' || o.code < 500 || !this.#running || !o.address || !this.#clientMailboxes.has(o.transactionSender ?? '')) return;
        const message = { scenario: this.#scenarioName(), subject: '(refusé à l\'annonce du destinataire)', recipients: [o.address] };
        this.#record({ kind: 'failure', at: o.at.getTime(), message, failedRecipients: [o.address], reply: `${o.code} ${o.enhanced ?? ''}`.trim() });
      }),
    ];
  }

  scenarioStarted(key: string, name: string, conformance: boolean): void {
    this.#current = conformance ? { key, name } : undefined;
    this.#running = conformance;
  }

  /** What the scenario asked the client to send (recipients and subjects of its actions) and the mailbox it used. */
  scenarioAsked(key: string, actions: readonly { readonly recipients: readonly string[]; readonly subject: string }[], mailbox: string | undefined): void {
    if (mailbox) this.#clientMailboxes.add(addressKey(mailbox));
    this.#record({ kind: 'asked', scenarioKey: key, recipients: actions.flatMap((a) => a.recipients).map(addressKey), subjects: actions.map((a) => a.subject) });
  }

  scenarioEnded(): void {
    this.#running = false;
  }

  /** The client's mailbox, known before its first message of the scenario. */
  usesMailbox(mailbox: string): void {
    this.#clientMailboxes.add(addressKey(mailbox));
  }

  /** The ledger events of the whole run (every worker's, in a parallel run). */
  events(): LedgerEvent[] {
    return resolveRecords(this.#allRecords());
  }

  /** Time of the last permanent failure of the run (0 when none). */
  lastFailureAt(): number {
    return Math.max(0, ...this.#allRecords().flatMap((r) => (r.kind === 'failure' ? [r.at] : [])));
  }

  #isClients(transmission: Transmission): boolean {
    if (transmission.ingress !== 'submission' || transmission.index.xMss['x-mss-nil'] === HARNESS_PRODUCT_NIL) return false;
    return this.#clientMailboxes.has(addressKey(transmission.authenticatedMailbox ?? transmission.envelope.mailFrom));
  }

  #transmitted(transmission: Transmission, at: number): void {
    if (this.#current === undefined || !this.#isClients(transmission)) return;
    this.#scenarioOf.set(transmission.id, this.#scenarioName());
    this.#record({ kind: 'transmission', at, message: this.#messageOf(transmission), scenarioKey: this.#running ? this.#current.key : BETWEEN_SCENARIOS });
  }

  #messageOf(transmission: Transmission): LedgerMessage {
    const { messageId: id, date } = transmission.index;
    return { scenario: this.#scenarioOf.get(transmission.id) ?? this.#scenarioName(), subject: transmission.index.subject ?? '', recipients: transmission.envelope.rcptTo.map(addressKey), ...(id ? { messageId: id } : {}), ...(date ? { date } : {}) };
  }

  #scenarioName(): string {
    return this.#running && this.#current ? this.#current.name : BETWEEN_SCENARIOS;
  }

  #record(record: WatchRecord): void {
    this.#records.push(record);
    const folder = sharedFolder();
    if (folder) appendFileSync(join(folder, `travailleur-${process.env.CUCUMBER_WORKER_ID}.ndjson`), `${JSON.stringify(record)}\n`);
  }

  #allRecords(): WatchRecord[] {
    const folder = sharedFolder();
    if (!folder || !existsSync(folder)) return this.#records;
    return readdirSync(folder)
      .filter((name) => name.endsWith('.ndjson'))
      .flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as WatchRecord));
  }
}

/** The shared folder, only in a parallel run's workers. */
function sharedFolder(): string | undefined {
  return process.env.CUCUMBER_PARALLEL === 'true' && process.env.CUCUMBER_WORKER_ID !== undefined ? process.env[CAMPAIGN_FOLDER_ENV] : undefined;
}

function resolveRecords(records: readonly WatchRecord[]): LedgerEvent[] {
  const asked = new Map<string, Asked>();
  for (const record of records) {
    if (record.kind !== 'asked') continue;
    const known = asked.get(record.scenarioKey) ?? { recipients: [], subjects: [] };
    asked.set(record.scenarioKey, { recipients: [...known.recipients, ...record.recipients], subjects: [...known.subjects, ...record.subjects] });
  }
  return records.flatMap((record): LedgerEvent[] => {
    if (record.kind === 'asked') return [];
    if (record.kind === 'failure') return [record];
    return [{ kind: 'transmission', at: record.at, message: record.message, asked: asked.get(record.scenarioKey) ?? { recipients: [], subjects: [] } }];
  });
}

/** The watch of this process. */
export const campaignWatch = new CampaignWatch();
