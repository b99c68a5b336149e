// Turns the query parameters of a search (GET query, or POST `_search` form merged with it)
// into a SearchRequest, refusing with a DirectoryRequestError whatever the simulator does not
// serve: unknown parameters and modifiers, bad values, oversized values or pages. Values are
// data, never code: nothing here is interpreted beyond FHIR's own syntax (bad input).
import { directoryErrors } from './directory-errors.ts';
import type { ResourceType } from './fhir-vocabulary.ts';
import { checkCriterionValue } from './criterion-values.ts';
import type { Criterion, SearchRequest, StringModifier } from './search-request.ts';
import {
  DEFAULT_COUNT, INCLUDES, MAX_COUNT, MAX_PARAMETERS, MAX_VALUE_LENGTH, MODIFIERS, RESULT_PARAMETERS, REVINCLUDES, SEARCH_PARAMETERS,
} from './search-parameters.ts';

const RESULT = new Set<string>(RESULT_PARAMETERS);
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json', 'fhir+json']);

export function parseSearch(type: ResourceType, parameters: URLSearchParams): SearchRequest {
  const entries = [...parameters];
  if (entries.length > MAX_PARAMETERS) throw directoryErrors.tooManyParameters(entries.length, MAX_PARAMETERS);
  for (const [name, value] of entries) {
    if (value.length > MAX_VALUE_LENGTH) throw directoryErrors.valueTooLong(shortName(name), value.length, MAX_VALUE_LENGTH);
  }
  const criteria: Criterion[] = [];
  for (const [name, value] of entries) {
    if (RESULT.has(name)) continue;
    const criterion = parseCriterion(type, name, value);
    if (criterion) criteria.push(criterion);
  }
  const shaping = parseShaping(type, parameters);
  const canonical = [type, ...criteria.map((c) => `${c.name}:${c.modifier ?? ''}=${c.values.join('\u0000')}`).sort()].join('\u0001');
  const linkParameters = entries.filter(([name]) => name !== '_count' && name !== '_getpagesoffset');
  return { type, criteria, ...shaping, canonical, linkParameters };
}

function parseCriterion(type: ResourceType, key: string, value: string): Criterion | undefined {
  const colon = key.indexOf(':');
  const name = colon === -1 ? key : key.slice(0, colon);
  const modifier = colon === -1 ? undefined : key.slice(colon + 1);
  const definition = SEARCH_PARAMETERS[type][name];
  if (!definition) throw directoryErrors.unknownParameter(type, shortName(key), [...Object.keys(SEARCH_PARAMETERS[type]), ...RESULT_PARAMETERS]);
  if (modifier !== undefined && !MODIFIERS[definition.kind].includes(modifier)) {
    throw directoryErrors.unsupportedModifier(name, shortName(modifier), MODIFIERS[definition.kind]);
  }
  if (value === '') return undefined; // FHIR R4 §3.1.1.1: an empty value is ignored
  const values = splitValues(value);
  for (const one of values) checkCriterionValue(type, name, definition.kind, one);
  return modifier === undefined ? { name, kind: definition.kind, values } : { name, kind: definition.kind, modifier: modifier as StringModifier, values };
}

type Shaping = Pick<SearchRequest, 'count' | 'offset' | 'include' | 'revinclude' | 'total' | 'elements'>;

function parseShaping(type: ResourceType, parameters: URLSearchParams): Shaping {
  const format = parameters.get('_format');
  if (format !== null && !JSON_FORMATS.has(format.split(';')[0]?.trim().toLowerCase() ?? '')) throw directoryErrors.unsupportedFormat(format);
  const summary = parameters.get('_summary');
  if (summary !== null && summary !== 'count' && summary !== 'false') throw directoryErrors.invalidValue('_summary', summary, 'count ou false');
  const total = parameters.get('_total');
  if (total !== null && !['none', 'estimate', 'accurate'].includes(total)) throw directoryErrors.invalidValue('_total', total, 'none, estimate ou accurate');
  const pretty = parameters.get('_pretty');
  if (pretty !== null && pretty !== 'true' && pretty !== 'false') throw directoryErrors.invalidValue('_pretty', pretty, 'true ou false');
  const count = summary === 'count' ? 0 : parseCount(parameters.get('_count'));
  const offset = parseInteger('_getpagesoffset', parameters.get('_getpagesoffset'), 0);
  const include = parseIncludes('_include', parameters.getAll('_include'), INCLUDES[type]);
  const revinclude = parseIncludes('_revinclude', parameters.getAll('_revinclude'), REVINCLUDES[type]);
  const elements = parameters.get('_elements');
  const shaping: Shaping = { count, offset, include, revinclude, total: total !== 'none' };
  return elements === null ? shaping : { ...shaping, elements: parseElements(elements) };
}

function parseCount(text: string | null): number {
  const count = parseInteger('_count', text, DEFAULT_COUNT);
  if (count > MAX_COUNT) throw directoryErrors.countTooLarge(text ?? '', MAX_COUNT);
  return count;
}

function parseInteger(name: string, text: string | null, fallback: number): number {
  if (text === null) return fallback;
  if (!/^\d{1,12}$/.test(text)) throw directoryErrors.invalidValue(name, text, 'un entier positif ou nul');
  return Number(text);
}

function parseIncludes(name: string, values: readonly string[], allowed: readonly string[]): string[] {
  const found = new Set<string>();
  for (const value of values) {
    if (value === '*') allowed.forEach((target) => found.add(target));
    else if (allowed.includes(value)) found.add(value);
    else throw directoryErrors.unsupportedInclude(name, value, allowed);
  }
  return [...found];
}

function parseElements(text: string): string[] {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const bad = names.find((name) => !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name));
  if (bad !== undefined) throw directoryErrors.invalidValue('_elements', bad, "des noms d'éléments séparés par des virgules");
  return names;
}

/** Splits OR-ed values on commas not escaped as `\,` (FHIR R4 §3.1.1.4.1), unescaping them. */
export function splitValues(text: string): string[] {
  return text.split(/(?<!\\),/).map((part) => part.replace(/\\,/g, ','));
}

function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}
