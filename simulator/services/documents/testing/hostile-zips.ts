// Hand-made hostile ZIP archives for the reader's tests: a decompression bomb, too many entries,
// path traversal names, a lying size, XML with a DOCTYPE. Built with fflate, then patched.
import { zipSync } from 'fflate';

export function zipOf(files: Readonly<Record<string, string | Buffer>>): Buffer {
  const entries = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content]));
  return Buffer.from(zipSync(entries, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }));
}

/** One entry of `megabytes` of zeros: compresses about a thousand times. */
export function bombZip(megabytes: number): Buffer {
  const zeros = Buffer.alloc(megabytes * 1024 * 1024);
  return zipOf({ 'INDEX.HTM': '<p/>', 'README.TXT': 'x', 'IHE_XDM/SUBSET01/METADATA.XML': zeros });
}

export function manyEntriesZip(count: number): Buffer {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i += 1) files[`IHE_XDM/SUBSET01/F${i}.TXT`] = '';
  return zipOf(files);
}

/** Declares `declared` bytes for every entry in both headers, whatever the real size. */
export function lyingSizeZip(files: Readonly<Record<string, string>>, declared: number): Buffer {
  const zip = zipOf(files);
  for (let at = 0; at + 4 <= zip.length; at += 1) {
    const signature = zip.readUInt32LE(at);
    if (signature === 0x04034b50) zip.writeUInt32LE(declared, at + 22);
    if (signature === 0x02014b50) zip.writeUInt32LE(declared, at + 24);
  }
  return zip;
}

export const XXE_METADATA = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>';

