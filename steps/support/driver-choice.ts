// Which client the conformance scenarios drive (CLI `--client`, alias `--driver`), read from the
// environment that `conformite` (scripts/conformance) or `npm test` sets for cucumber-js:
//   MSS_CLIENT      reference (default) | manual | webmail (the simulated webmail) | http://host:port/ (a vendor's adapter)
//   MSS_VARIANTE    faulty variants of the reference client, comma-separated
//   MSS_CAPACITES   capabilities to use instead of those the client declares, comma-separated
//   MSS_DELAI_MANUEL seconds the manual driver waits for the resulting traffic (default 120)
//   MSS_PRODUIT     the software's name and version (--produit), declared by the manual driver
//   MSS_DELAI_ADAPTATEUR seconds an HTTP adapter has for each call (--delai-adaptateur; default 30)
// Pure: no I/O, a typed error with a French message for a wrong value.
import type { Capability } from '../../simulator/public-api.ts';
import { isReferenceFault, REFERENCE_FAULTS, type ReferenceFault } from '../../simulator/tooling-api.ts';

export const CAPABILITIES: readonly Capability[] = ['patient-messaging', 'end-conversation-subject', 'end-conversation-header', 'directory-search', 'mailbox-sync', 'delivery-receipts', 'read-receipts', 'reply', 'documents', 'documents-reception', 'psc-authentication', 'session-reopening', 'app-mailbox', 'autoconfig'];

export type DriverChoice =
  | { readonly kind: 'reference'; readonly faults: readonly ReferenceFault[] }
  | { readonly kind: 'http'; readonly baseUrl: string; /** Given with --delai-adaptateur; the HTTP driver's default otherwise. */ readonly timeoutMs?: number }
  | { readonly kind: 'manual'; readonly timeoutMs: number; readonly product?: string }
  | { readonly kind: 'webmail' };

export interface ClientChoice {
  readonly driver: DriverChoice;
  /** Overrides the declared capabilities when given. */
  readonly capabilities?: readonly Capability[];
}

export class DriverChoiceError extends Error {
  readonly code = 'MSS_SIM_CONFORMANCE_BAD_CHOICE';
  constructor(message: string) {
    super(message);
    this.name = 'DriverChoiceError';
  }
}

/** MSS_CLIENT names the manual driver: a person at the keyboard (timeouts, fixed ports). */
export function isManualClient(env: Readonly<Record<string, string | undefined>>): boolean {
  return ['manual', 'manuel'].includes((env.MSS_CLIENT ?? '').trim());
}

export function clientChoiceFromEnv(env: Readonly<Record<string, string | undefined>>): ClientChoice {
  const driver = driverOf(env);
  const capabilities = list(env.MSS_CAPACITES);
  if (capabilities === undefined) return { driver };
  const unknown = capabilities.filter((c) => !(CAPABILITIES as readonly string[]).includes(c));
  if (unknown.length > 0) throw new DriverChoiceError(`Capacité inconnue : ${unknown.join(', ')} ; capacités connues : ${CAPABILITIES.join(', ')}.`);
  return { driver, capabilities: capabilities as Capability[] };
}

function driverOf(env: Readonly<Record<string, string | undefined>>): DriverChoice {
  const client = (env.MSS_CLIENT ?? 'reference').trim();
  const faults = list(env.MSS_VARIANTE) ?? [];
  if (faults.length > 0 && client !== 'reference') throw new DriverChoiceError(`Les variantes fautives (${faults.join(', ')}) ne s'appliquent qu'au client de référence, pas à « ${client} ».`);
  if (client === 'reference') {
    const unknown = faults.filter((f) => !isReferenceFault(f));
    if (unknown.length > 0) throw new DriverChoiceError(`Variante fautive inconnue : ${unknown.join(', ')} ; variantes connues : ${REFERENCE_FAULTS.join(', ')}.`);
    return { kind: 'reference', faults: faults as ReferenceFault[] };
  }
  if (client === 'webmail') return { kind: 'webmail' };
  if (isManualClient(env)) {
    const seconds = Number(env.MSS_DELAI_MANUEL ?? '120');
    if (!Number.isFinite(seconds) || seconds <= 0) throw new DriverChoiceError(`Délai manuel « ${env.MSS_DELAI_MANUEL} » invalide : donnez un nombre de secondes positif.`);
    const product = env.MSS_PRODUIT?.trim();
    return { kind: 'manual', timeoutMs: Math.round(seconds * 1000), ...(product ? { product } : {}) };
  }
  if (/^https?:\/\/[^\s]+$/i.test(client)) {
    const timeoutMs = adapterTimeoutMs(env.MSS_DELAI_ADAPTATEUR);
    return { kind: 'http', baseUrl: client, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
  }
  throw new DriverChoiceError(`Client « ${client} » inconnu : donnez reference, manual, webmail ou l'adresse http://… de votre adaptateur.`);
}

/** --delai-adaptateur: a positive number of seconds, at most an hour. */
function adapterTimeoutMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new DriverChoiceError(`Délai de l'adaptateur « ${text} » invalide : donnez un nombre de secondes entre 1 et 3600, par exemple --delai-adaptateur 90.`);
  return Math.round(seconds * 1000);
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}
