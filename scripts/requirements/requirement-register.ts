// The requirement register (features/exigences.csv): one requirement per line, header
// `id;source;niveau;texte;motif_non_teste` (REG-DEC-08: stable IDs, each
// scenario declaring what it verifies). Levels follow the ANS wording: DOIT mandatory,
// DEVRAIT recommended, PEUT optional. Parsing reports every problem at once, with its line.
import { splitCsvLine } from './csv-fields.ts';
import type { RequirementProblem } from './requirement-problem.ts';
import { parseReason } from './requirement-scope.ts';

export const LEVELS = ['DOIT', 'DEVRAIT', 'PEUT'] as const;
export type Level = (typeof LEVELS)[number];
export const REGISTER_HEADER = ['id', 'source', 'niveau', 'texte', 'motif_non_teste'] as const;

export interface Requirement {
  readonly id: string;
  readonly source: string;
  readonly level: Level;
  readonly text: string;
  /** Why no scenario covers it yet; empty when scenarios should. */
  readonly reasonNotTested: string;
  readonly line: number;
}

export interface ParsedRegister {
  readonly requirements: readonly Requirement[];
  readonly problems: readonly RequirementProblem[];
}

/** An ID usable in a Gherkin tag `@req:<ID>`: ASCII, no space. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./_-]*$/;

export function parseRegister(text: string, file: string): ParsedRegister {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: RequirementProblem[] = [];
  const header = lines[0] ?? '';
  if (header.trim() !== REGISTER_HEADER.join(';')) {
    problems.push({ file, line: 1, message: `en-tête « ${header} » inattendu : la première ligne doit être « ${REGISTER_HEADER.join(';')} ».` });
  }
  const requirements: Requirement[] = [];
  const firstLineOf = new Map<string, number>();
  lines.slice(1).forEach((content, index) => {
    const line = index + 2;
    if (content.trim() === '') return;
    const parsed = parseRow(content, line, file, problems);
    if (parsed === undefined) return;
    const first = firstLineOf.get(parsed.id);
    if (first !== undefined) {
      problems.push({ file, line, message: `identifiant « ${parsed.id} » en double (déjà défini ligne ${first}) : gardez une seule ligne par exigence.` });
      return;
    }
    firstLineOf.set(parsed.id, line);
    requirements.push(parsed);
  });
  return { requirements, problems };
}

function parseRow(content: string, line: number, file: string, problems: RequirementProblem[]): Requirement | undefined {
  const split = splitCsvLine(content);
  if (!split.ok) {
    problems.push({ file, line, message: `ligne illisible : ${split.reason}.` });
    return undefined;
  }
  const fields = split.fields.map((field) => field.trim());
  if (fields.length !== REGISTER_HEADER.length) {
    problems.push({ file, line, message: `${fields.length} colonnes au lieu de ${REGISTER_HEADER.length} : séparez « ${REGISTER_HEADER.join(';')} » par des points-virgules, et entourez de guillemets un texte qui en contient.` });
    return undefined;
  }
  const [id = '', source = '', level = '', text = '', reasonNotTested = ''] = fields;
  const before = problems.length;
  if (!ID_PATTERN.test(id)) problems.push({ file, line, message: `identifiant « ${id} » invalide : lettres, chiffres, « . », « / », « _ » ou « - » sans espace (il sert d'étiquette @req:).` });
  if (!isLevel(level)) problems.push({ file, line, message: `niveau « ${level} » inconnu : utilisez ${LEVELS.join(', ')}.` });
  if (source === '') problems.push({ file, line, message: `source vide pour « ${id} » : citez la référence (par exemple « features/regles.md REG-ADR-01 »).` });
  if (text === '') problems.push({ file, line, message: `texte vide pour « ${id} » : décrivez l'exigence en une phrase.` });
  if (isLevel(level)) {
    const reason = parseReason(reasonNotTested, level);
    if (!reason.ok) problems.push({ file, line, message: reason.message });
  }
  if (problems.length > before || !isLevel(level)) return undefined;
  return { id, source, level, text, reasonNotTested, line };
}

function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}
