// A defensive ZIP reader for XDM archives (APPNOTE 6.3: end of central directory, central
// directory, local headers; stored and deflated entries only). It lists entries from the
// central directory, refuses hostile archives before expanding anything (entry count, declared
// sizes, compression ratio, unsafe names, encryption, ZIP64), and expands one entry on demand
// with a hard output bound (zlib maxOutputLength) and a CRC-32 check. Never throws.
import { crc32, inflateRawSync } from 'node:zlib';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localOffset: number;
}

export type ZipProblemCode = 'not-a-zip' | 'zip64' | 'too-many-entries' | 'too-large' | 'ratio' | 'unsafe-name' | 'duplicate-name' | 'encrypted' | 'method' | 'corrupt';

export interface ZipProblem {
  readonly code: ZipProblemCode;
  /** French, for the finding. */
  readonly message: string;
}

export type ZipListing = { readonly ok: true; readonly entries: readonly ZipEntry[] } | { readonly ok: false; readonly problem: ZipProblem };
export type ZipRead = { readonly ok: true; readonly data: Buffer } | { readonly ok: false; readonly problem: ZipProblem };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function listZip(zip: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipListing {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return refuse('not-a-zip', "Le fichier n'est pas une archive ZIP (fin de répertoire central introuvable).");
  const count = zip.readUInt16LE(eocd + 10);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return refuse('zip64', 'Archive ZIP64 non prise en charge pour une archive XDM.');
  if (count > limits.maxEntries) return refuse('too-many-entries', `L'archive annonce ${count} fichiers, au-delà de la limite de ${limits.maxEntries} : elle n'est pas ouverte.`);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return refuse('corrupt', "Répertoire central de l'archive illisible.");
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    };
    const problem = entryProblem(entry, zip.readUInt16LE(at + 8), limits) ?? (seen.has(entry.name.toUpperCase()) ? { code: 'duplicate-name' as const, message: `Le nom « ${printable(entry.name)} » figure deux fois dans l'archive.` } : undefined);
    if (problem) return { ok: false, problem };
    seen.add(entry.name.toUpperCase());
    total += entry.size;
    if (total > limits.maxTotalBytes) return refuse('too-large', `Les fichiers de l'archive dépassent ${limits.maxTotalBytes} octets une fois décompressés : l'archive n'est pas ouverte.`);
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { ok: true, entries };
}

/** Expands one listed entry, never past its declared size. */
export function readZipEntry(zip: Buffer, entry: ZipEntry): ZipRead {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) return refuse('corrupt', `En-tête local de « ${printable(entry.name)} » introuvable.`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) return refuse('corrupt', `Le fichier « ${printable(entry.name)} » dépasse la fin de l'archive.`);
  const packed = zip.subarray(start, end);
  let data: Buffer;
  try {
    data = entry.method === 0 ? Buffer.from(packed) : inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    return refuse('corrupt', `Le fichier « ${printable(entry.name)} » ne se décompresse pas dans la taille annoncée (${entry.size} octets).`);
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) return refuse('corrupt', `Le fichier « ${printable(entry.name)} » ne correspond pas à sa taille ou à son CRC annoncés.`);
  return { ok: true, data };
}

function entryProblem(entry: ZipEntry, flags: number, limits: ZipLimits): ZipProblem | undefined {
  const name = printable(entry.name);
  if (!isSafeName(entry.name)) return { code: 'unsafe-name', message: `Nom de fichier dangereux dans l'archive : « ${name} » (chemin absolu, remontée « .. », antislash ou caractère de contrôle).` };
  if (flags & 1) return { code: 'encrypted', message: `Le fichier « ${name} » est chiffré : une archive XDM ne l'est pas.` };
  if (entry.method !== 0 && entry.method !== 8) return { code: 'method', message: `Méthode de compression ${entry.method} de « ${name} » non prise en charge (seules 0 et 8 le sont).` };
  if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff) return { code: 'zip64', message: `Le fichier « ${name} » utilise ZIP64, non pris en charge.` };
  if (entry.size > limits.maxEntryBytes) return { code: 'too-large', message: `Le fichier « ${name} » annonce ${entry.size} octets, au-delà de la limite de ${limits.maxEntryBytes}.` };
  if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio) return { code: 'ratio', message: `Le fichier « ${name} » se décompresse ${Math.round(entry.size / Math.max(1, entry.compressedSize))} fois sa taille (limite ${limits.maxRatio}) : bombe de décompression probable, non ouvert.` };
  return undefined;
}

function isSafeName(name: string): boolean {
  if (name === '' || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) return false;
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  return !name.split('/').some((segment) => segment === '..');
}

function findEndOfCentralDirectory(zip: Buffer): number {
  if (zip.length < 22) return -1;
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at -= 1) if (zip.readUInt32LE(at) === EOCD) return at;
  return -1;
}

function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 200);
}

function refuse(code: ZipProblemCode, message: string): { ok: false; problem: ZipProblem } {
  return { ok: false, problem: { code, message } };
}
