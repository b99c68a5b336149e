// The flat file « Extraction Correspondance MSSanté » (REG-ANN-08): UTF-8, `|`-separated,
// one header line then one line per published mailbox (published-mailbox.ts: never a liste
// rouge box), 31 columns in the real order. The format has no quoting: a `|` or line break
// inside a value becomes a space (decision). Lines end with LF (decision: not documented).
import type { Mailbox, Organisation, Practitioner } from '../../domain/model.ts';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { departmentOf, splitAddressLine } from './address-line.ts';
import { structureIdNat } from './fhir-resources.ts';
import { CIVIL_CATEGORY } from './fhir-vocabulary.ts';
import { DIGITIZATION } from './mailbox-telecom.ts';
import { publishedMailboxes, type MailboxCarrier } from './published-mailbox.ts';

export const EXTRACTION_COLUMNS = [
  'Type de BAL', 'Adresse BAL', 'Type Identifiant PP', 'Identifiant PP', 'Identification nationale PP',
  'Type identifiant structure', 'Identification Structure', 'Service de rattachement',
  "Civilité d'exercice", "Nom d'exercice", "Prénom d'exercice", 'Catégorie profession',
  'Libellé de catégorie profession', 'Code Profession', 'Libellé Profession', 'Code savoir-faire',
  'Libellé savoir-faire', 'Dématérialisation', 'Raison Sociale structure BAL',
  'Enseigne commerciale structure BAL', 'L2COMPLEMENTLOCALISATION structure BAL',
  'L3COMPLEMENTDISTRIBUTION structure BAL', 'L4NUMEROVOIE structure BAL',
  'L4COMPLEMENTNUMEROVOIE structure BAL', 'NL4TYPEVOIE structure BAL', 'L4LIBELLEVOIE structure BAL',
  'L5LIEUDITMENTION structure BAL', 'L6LIGNEACHEMINEMENT structure BAL', 'Code postal structure BAL',
  'Département structure BAL', 'Pays structure BAL',
] as const;

export const EXTRACTION_SEPARATOR = '|';

/** Civilité d'exercice codes (TRE_R11) for the civilities the fixtures use (decision, REG-ANN-08). */
const PRACTICE_CIVILITY: Readonly<Record<string, string>> = { Dr: 'DR', Pr: 'PR' };

export function extractionText(view: TrustSpaceView): string {
  const rows = [EXTRACTION_COLUMNS, ...extractionRows(view)];
  return rows.map((row) => row.map(clean).join(EXTRACTION_SEPARATOR)).join('\n') + '\n';
}

export function extractionRows(view: TrustSpaceView): string[][] {
  return publishedMailboxes(view).map(({ mailbox, carrier }) => extractionRow(mailbox, carrier, view));
}

function extractionRow(mailbox: Mailbox, carrier: MailboxCarrier, view: TrustSpaceView): string[] {
  const practitioner = carrier.kind === 'organisation' ? undefined : carrier.practitioner;
  const structure = structureOf(mailbox, carrier, view);
  return [mailbox.type, mailbox.address, ...practitionerColumns(practitioner, structure, mailbox), DIGITIZATION ? 'True' : 'False', ...structureColumns(structure)];
}

/** Columns 3 to 17: practitioner identity and profession, structure ids, service. */
function practitionerColumns(practitioner: Practitioner | undefined, structure: Organisation | undefined, mailbox: Mailbox): string[] {
  const idNat = practitioner?.idNat ?? '';
  const structureId = structure ? structureIdNat(structure) : undefined;
  const ids = [idNat === '' ? '' : idNat.slice(0, 1), idNat.slice(1), idNat, structureId?.typeCode ?? '', structureId?.value ?? '', mailbox.service ?? ''];
  if (!practitioner) return [...ids, '', '', '', '', '', '', '', '', ''];
  return [
    ...ids,
    PRACTICE_CIVILITY[practitioner.civility] ?? '',
    practitioner.lastName,
    practitioner.firstName,
    CIVIL_CATEGORY.code,
    CIVIL_CATEGORY.label,
    practitioner.professionCode,
    practitioner.professionLabel,
    '',
    '',
  ];
}

/** Columns 19 to 31: the structure the mailbox belongs to, if any. */
function structureColumns(structure: Organisation | undefined): string[] {
  if (!structure) return Array.from({ length: 13 }, () => '');
  const { address } = structure;
  const parts = splitAddressLine(address.line);
  const routing = `${address.postalCode} ${address.city.toUpperCase()}`;
  return [structure.name, '', '', '', parts.number, parts.numberComplement, parts.streetType, parts.streetLabel, '', routing, address.postalCode, departmentOf(address.postalCode), 'France'];
}

/** ORG/APP: the owner; PER on a role: that structure; CAB: the practitioner's practice, if any. */
function structureOf(mailbox: Mailbox, carrier: MailboxCarrier, view: TrustSpaceView): Organisation | undefined {
  if (carrier.kind !== 'practitioner') return carrier.organisation;
  if (mailbox.type !== 'CAB') return undefined;
  return carrier.practitioner.organisationIds.map((id) => view.organisation(id)).find((o) => o?.kind === 'practice');
}

function clean(value: string): string {
  return value.replace(/[|\r\n]/g, ' ');
}
