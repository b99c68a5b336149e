// Opens an IHE_XDM.ZIP and checks what lies inside it (IHE ITI XDM, SC.MSS/CONF.23, CONF.24):
// the layout (INDEX.HTM, README.TXT, IHE_XDM/SUBSET01/METADATA.XML), METADATA.XML, and each
// document entry against its file (present, SHA-1 hash, size, mimeType, typeCode, patientId),
// then reads each CDA header. Hostile archives end as a finding; nothing is expanded blindly.
import { createHash } from 'node:crypto';
import { readCdaHeader, type CdaHeader } from './cda-header-reading.ts';
import { parseCdaHeaderXml } from './cda-header-slice.ts';
import { finding, type DocumentFinding } from './document-finding.ts';
import { parseXml } from './safe-xml.ts';
import { readMetadata, type MetadataDocumentEntry, type XdmMetadata } from './xdm-metadata-reading.ts';
import { XDM_PATHS } from './xds-vocabulary.ts';
import { listZip, readZipEntry, type ZipEntry } from './zip-reader.ts';
import type { ZipLimits } from './zip-limits.ts';

export interface ArchiveDocument {
  readonly entry: MetadataDocumentEntry;
  /** Path of the file in the archive, when found. */
  readonly path?: string;
  readonly header?: CdaHeader;
}

export interface ArchiveReading {
  readonly entryNames: readonly string[];
  readonly metadata?: XdmMetadata;
  readonly documents: readonly ArchiveDocument[];
  readonly findings: readonly DocumentFinding[];
}

export function readXdmArchive(zip: Buffer, limits?: ZipLimits): ArchiveReading {
  const listing = listZip(zip, limits);
  if (!listing.ok) return { entryNames: [], documents: [], findings: [finding('SC.MSS/CONF.23', 'archive-refused', `Archive IHE_XDM.ZIP refusée : ${listing.problem.message}`)] };
  const byName = new Map(listing.entries.map((e) => [e.name.toUpperCase(), e]));
  const findings: DocumentFinding[] = [];
  const missing = [XDM_PATHS.index, XDM_PATHS.readme, XDM_PATHS.metadata].filter((path) => !byName.has(path));
  if (missing.length > 0) findings.push(finding('SC.MSS/CONF.23', 'layout-incomplete', `L'archive ne suit pas la structure IHE XDM : ${missing.map((m) => `« ${m} »`).join(', ')} absent(s).`));
  const entryNames = listing.entries.map((e) => e.name);
  const metadataEntry = byName.get(XDM_PATHS.metadata);
  if (!metadataEntry) return { entryNames, documents: [], findings };
  const metadata = readMetadataFile(zip, metadataEntry, findings);
  if (!metadata) return { entryNames, documents: [], findings };
  const documents = metadata.entries.map((entry) => checkEntry(zip, entry, byName, findings));
  return { entryNames, metadata, documents, findings };
}

function readMetadataFile(zip: Buffer, entry: ZipEntry, findings: DocumentFinding[]): XdmMetadata | undefined {
  const file = readZipEntry(zip, entry);
  if (!file.ok) {
    findings.push(finding('SC.MSS/CONF.23', 'archive-refused', `METADATA.XML illisible : ${file.problem.message}`));
    return undefined;
  }
  const xml = parseXml(file.data, 'METADATA.XML');
  if (!xml.ok) {
    findings.push(finding('SC.MSS/CONF.24', 'xml-refused', xml.message));
    return undefined;
  }
  const metadata = readMetadata(xml.root);
  if (!metadata || metadata.entries.length === 0) findings.push(finding('SC.MSS/CONF.24', 'metadata-unreadable', "METADATA.XML ne décrit aucun document (SubmitObjectsRequest/RegistryObjectList/ExtrinsicObject attendu)."));
  return metadata && metadata.entries.length > 0 ? metadata : undefined;
}

function checkEntry(zip: Buffer, entry: MetadataDocumentEntry, byName: ReadonlyMap<string, ZipEntry>, findings: DocumentFinding[]): ArchiveDocument {
  const label = entry.uri ?? entry.id;
  const absent = (['mimeType', 'typeCode', 'patientId', 'uniqueId', 'hash', 'size', 'uri'] as const).filter((field) => entry[field] === undefined || entry[field] === '');
  if (absent.length > 0) findings.push(finding('SC.MSS/CONF.24', 'entry-field-missing', `L'entrée « ${label} » de METADATA.XML n'a pas : ${absent.join(', ')}.`));
  const path = entry.uri ? `${XDM_PATHS.subset}${entry.uri}` : undefined;
  const file = path ? byName.get(path.toUpperCase()) : undefined;
  if (!file || !path) {
    if (entry.uri) findings.push(finding('SC.MSS/CONF.23', 'document-missing', `Le document « ${entry.uri} » décrit dans METADATA.XML est absent de IHE_XDM/SUBSET01/.`));
    return { entry };
  }
  const content = readZipEntry(zip, file);
  if (!content.ok) {
    findings.push(finding('SC.MSS/CONF.23', 'archive-refused', content.problem.message));
    return { entry, path };
  }
  const hash = createHash('sha1').update(content.data).digest('hex');
  if (entry.hash !== undefined && entry.hash.toLowerCase() !== hash) findings.push(finding('SC.MSS/CONF.23', 'hash-mismatch', `Le hash SHA-1 de « ${entry.uri} » dans METADATA.XML (${entry.hash}) n'est pas celui du fichier (${hash}).`));
  if (entry.size !== undefined && entry.size !== String(content.data.length)) findings.push(finding('SC.MSS/CONF.23', 'size-mismatch', `La taille de « ${entry.uri} » dans METADATA.XML (${entry.size}) n'est pas celle du fichier (${content.data.length} octets).`));
  const xml = parseCdaHeaderXml(content.data, `Le document « ${entry.uri} »`);
  if (!xml.ok) {
    findings.push(finding('SC.MSS/CONF.23', 'xml-refused', xml.message));
    return { entry, path };
  }
  const header = readCdaHeader(xml.root);
  if (!header) findings.push(finding('SC.MSS/CONF.23', 'cda-unreadable', `Le document « ${entry.uri} » n'est pas un document CDA R2 (élément ClinicalDocument attendu).`));
  return { entry, path, ...(header ? { header } : {}) };
}
