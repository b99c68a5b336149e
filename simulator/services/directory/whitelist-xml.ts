// The liste blanche as the real file publishes it (REG-LB-01): namespace
// https://listeblanche.mssante.fr/schema, `ListeBlancheMSSante` / `DateDeGeneration` /
// `ListeDomaines` / `Domaine` (Nom, Description, DNCertificatOperateur, ResponsableContact,
// SupportContact, DateMAJ), one `Domaine` per (domain, operator server certificate), and the
// SHA-256 checksum file that the ANS GitHub mirror keeps beside it.
import { createHash } from 'node:crypto';
import type { WhitelistEntry } from '../../domain/model.ts';
import { xmlText } from './xml-text.ts';

export const WHITELIST_NAMESPACE = 'https://listeblanche.mssante.fr/schema';
export const WHITELIST_FILE = 'listeblanchemssante.xml';

export function whitelistXml(entries: readonly WhitelistEntry[], generatedAt: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ListeBlancheMSSante xmlns="${WHITELIST_NAMESPACE}">`,
    `  <DateDeGeneration>${isoSeconds(generatedAt.toISOString())}</DateDeGeneration>`,
    '  <ListeDomaines>',
  ];
  for (const entry of entries) {
    lines.push(
      '    <Domaine>',
      `      <Nom>${xmlText(entry.domain)}</Nom>`,
      `      <Description>${xmlText(entry.description)}</Description>`,
      `      <DNCertificatOperateur>${xmlText(entry.certificateDn)}</DNCertificatOperateur>`,
      `      <ResponsableContact>${xmlText(entry.responsibleContact)}</ResponsableContact>`,
      `      <SupportContact>${xmlText(entry.supportContact)}</SupportContact>`,
      `      <DateMAJ>${xmlText(isoSeconds(entry.updatedAt))}</DateMAJ>`,
      '    </Domaine>',
    );
  }
  lines.push('  </ListeDomaines>', '</ListeBlancheMSSante>', '');
  return lines.join('\n');
}

/** `sha256sum` format (`<hex>  <file>`), so that `sha256sum -c` checks a downloaded copy. */
export function whitelistChecksum(xml: string): string {
  return `${createHash('sha256').update(xml, 'utf8').digest('hex')}  ${WHITELIST_FILE}\n`;
}

/** ISO 8601 UTC to the second, like the real file's `2025-03-13T14:54:10Z`; other text unchanged. */
function isoSeconds(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
