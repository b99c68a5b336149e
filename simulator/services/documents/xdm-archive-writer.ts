// Builds the IHE_XDM.ZIP of a document message (IHE ITI XDM, media layout): INDEX.HTM and
// README.TXT at the root, IHE_XDM/SUBSET01/METADATA.XML and the CDA files beside it. The
// patientId is the INS with its OID for a qualified identity, the local identifier otherwise
// (SC.MSS/CONF.24). `tamper` exists for the faulty reference client only.
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { insPatientId } from '../../domain/ins-oids.ts';
import { localPatientNumber } from './cda-document.ts';
import { LOCAL_PATIENT_ID_OID, SUBMISSION_ID_ROOT, SYNTHETIC_ROOT, type DocumentPatient, type HealthDocument } from './health-document.ts';
import { writeMetadata, type MetadataEntry } from './xdm-metadata-writer.ts';
import { XDM_PATHS } from './xds-vocabulary.ts';
import { xmlEscape as x } from './xml-text.ts';

export interface XdmArchiveInput {
  readonly documents: readonly HealthDocument[];
  readonly authorAddress: string;
  readonly submissionTime: Date;
  readonly tamper?: {
    /** Written instead of every patientId. */
    readonly patientId?: string;
    /** Writes a hash that is not the file's. */
    readonly wrongHash?: boolean;
  };
}

export interface XdmArchive {
  readonly zip: Buffer;
  readonly metadata: string;
}

export function writeXdmArchive(input: XdmArchiveInput): XdmArchive {
  const first = input.documents[0];
  if (!first) throw new RangeError('an XDM archive needs at least one document');
  const entries: MetadataEntry[] = input.documents.map((document, i) => ({
    document,
    uri: `DOC${String(i + 1).padStart(4, '0')}.XML`,
    hash: input.tamper?.wrongHash ? sha1(Buffer.concat([document.cda, Buffer.from(' ')])) : sha1(document.cda),
    size: document.cda.length,
    patientId: input.tamper?.patientId ?? documentPatientId(document.patient),
  }));
  const submissionUniqueId = `${SUBMISSION_ID_ROOT}.${BigInt(`0x${sha1(Buffer.concat(input.documents.map((d) => d.cda))).slice(0, 12)}`)}`;
  const metadata = writeMetadata({ entries, submissionUniqueId, sourceId: SYNTHETIC_ROOT, patientId: input.tamper?.patientId ?? documentPatientId(first.patient), submissionTime: input.submissionTime, authorAddress: input.authorAddress });
  const mtime = input.submissionTime;
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    [XDM_PATHS.index]: [Buffer.from(indexHtml(entries), 'utf8'), { mtime }],
    [XDM_PATHS.readme]: [Buffer.from(readme(input.authorAddress), 'utf8'), { mtime }],
    [XDM_PATHS.metadata]: [Buffer.from(metadata, 'utf8'), { mtime }],
  };
  for (const entry of entries) files[`${XDM_PATHS.subset}${entry.uri}`] = [entry.document.cda, { mtime }];
  return { zip: Buffer.from(zipSync(files, { level: 6 })), metadata };
}

/** INS with its OID for a qualified identity; otherwise the sender's local identifier. */
export function documentPatientId(patient: DocumentPatient): string {
  return patient.qualified ? insPatientId(patient.ins, patient.oid) : insPatientId(localPatientNumber(patient), LOCAL_PATIENT_ID_OID);
}

export function sha1(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

function indexHtml(entries: readonly MetadataEntry[]): string {
  const items = entries.map((e) => `<li><a href="${XDM_PATHS.subset}${e.uri}">${x(e.document.title)}</a></li>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>Documents de santé</title></head>\n<body><h1>Documents de santé (IHE XDM)</h1>\n<ul>\n${items}\n</ul></body></html>\n`;
}

function readme(authorAddress: string): string {
  return [
    'Archive IHE XDM produite par le simulateur MSSante (donnees synthetiques de test).',
    `Emetteur : ${authorAddress}`,
    'Contenu : IHE_XDM/SUBSET01/METADATA.XML et les documents CDA R2 decrits par ce fichier.',
    '',
  ].join('\r\n');
}
