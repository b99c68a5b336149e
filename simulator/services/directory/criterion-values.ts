// The syntax of one search value by parameter kind (FHIR R4 search §3.1.1.4): token
// `[system]|[code]`, reference `[type]/[id]`, date with a prefix. Parsed here once for
// validation (parse-search.ts) and again for matching (search-criteria.ts).
import { directoryErrors } from './directory-errors.ts';
import type { ResourceType } from './fhir-vocabulary.ts';
import type { ParameterKind } from './search-parameters.ts';

export interface Token {
  /** Undefined: any system; `''`: no system (`|code`). */
  readonly system?: string;
  readonly code: string;
}

export type DatePrefix = 'eq' | 'gt' | 'ge' | 'lt' | 'le';

/** A date value as the range [start, end) it denotes at its precision, in epoch ms. */
export interface DateBound {
  readonly prefix: DatePrefix;
  readonly start: number;
  readonly end: number;
}

const MAILBOX_TYPES = ['PER', 'ORG', 'APP', 'CAB'];
const REFERENCE_TARGET: Readonly<Record<string, ResourceType>> = { practitioner: 'Practitioner', organization: 'Organization' };
const DATE = /^(eq|gt|ge|lt|le)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function checkCriterionValue(type: ResourceType, name: string, kind: ParameterKind, value: string): void {
  if (kind === 'date') parseDateBound(name, value);
  if (kind === 'reference') parseReference(name, value);
  if (kind !== 'token') return;
  const token = parseToken(value);
  if (name === 'active' && token.code !== 'true' && token.code !== 'false') throw directoryErrors.invalidValue(name, value, 'true ou false');
  if (name === 'mailbox-mss-type' && !MAILBOX_TYPES.includes(token.code)) throw directoryErrors.invalidValue(name, value, `${MAILBOX_TYPES.join(', ')} (TRE_R257-TypeBAL)`);
  if (token.code === '' && name !== 'identifier') throw directoryErrors.invalidValue(name, value, `un code (système|code) pour ${type}`);
}

export function parseToken(value: string): Token {
  const bar = value.indexOf('|');
  if (bar === -1) return { code: value };
  return { system: value.slice(0, bar), code: value.slice(bar + 1) };
}

/** The id a reference parameter points at: `Type/id`, a URL ending in it, or a bare id. */
export function parseReference(name: string, value: string): string {
  const target = REFERENCE_TARGET[name] ?? '';
  const parts = value.split('/');
  const id = parts[parts.length - 1] ?? '';
  const typed = parts.length >= 2 ? parts[parts.length - 2] : target;
  if (typed !== target || !/^[A-Za-z0-9.-]{1,64}$/.test(id)) throw directoryErrors.invalidValue(name, value, `${target}/<id> ou <id>`);
  return id;
}

export function parseDateBound(name: string, value: string): DateBound {
  const match = DATE.exec(value);
  if (!match) throw directoryErrors.invalidValue(name, value, 'une date FHIR précédée ou non de eq, gt, ge, lt ou le (ex. ge2025-03-13T14:00:00Z)');
  const [, prefix = 'eq', year = '', month, day, hour, minute, second, fraction, zone] = match;
  const start = Date.parse(`${year}-${month ?? '01'}-${day ?? '01'}T${hour ?? '00'}:${minute ?? '00'}:${second ?? '00'}${fraction ?? ''}${zone ?? 'Z'}`);
  if (Number.isNaN(start)) throw directoryErrors.invalidValue(name, value, 'une date du calendrier');
  return { prefix: prefix as DatePrefix, start, end: endOfPrecision(start, { month, day, minute, second, fraction }) };
}

/** Start of the next period at the value's precision (time without zone: UTC, decision). */
function endOfPrecision(start: number, given: { month?: string | undefined; day?: string | undefined; minute?: string | undefined; second?: string | undefined; fraction?: string | undefined }): number {
  const date = new Date(start);
  if (given.fraction !== undefined) return start + 1;
  if (given.second !== undefined) return start + 1000;
  if (given.minute !== undefined) return start + 60_000;
  if (given.day !== undefined) return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
  if (given.month !== undefined) return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return Date.UTC(date.getUTCFullYear() + 1, 0, 1);
}

/** FHIR R4 §3.1.1.4.2: does a point in time match the prefixed range? */
export function dateMatches(bound: DateBound, time: number): boolean {
  switch (bound.prefix) {
    case 'eq': return time >= bound.start && time < bound.end;
    case 'gt': return time >= bound.end;
    case 'ge': return time >= bound.start;
    case 'lt': return time < bound.start;
    case 'le': return time < bound.end;
  }
}
