// The files a person attaches by hand (manual driver): each attachment of a send request
// is written once to a temporary folder, and the instruction names its path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Attachment } from '../../../simulator/public-api.ts';

export class AttachmentFiles {
  #dir: string | undefined;

  /** Writes the attachments and returns their paths, in order. */
  write(attachments: readonly Attachment[]): string[] {
    if (attachments.length === 0) return [];
    const dir = (this.#dir ??= mkdtempSync(join(tmpdir(), 'mss-driver-manuel-')));
    return attachments.map((attachment, i) => {
      const path = join(dir, `${i + 1}-${safeName(attachment.filename)}`);
      writeFileSync(path, Buffer.from(attachment.contentBase64, 'base64'));
      return path;
    });
  }
}

/** A file name that stays inside the folder, whatever the request says. */
function safeName(filename: string): string {
  const name = basename(filename.replace(/\\/g, '/')).replace(/[^\p{L}\p{N}._ -]/gu, '_');
  return name === '' || name === '.' || name === '..' ? 'piece-jointe' : name;
}
