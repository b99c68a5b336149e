// The extraction file as the upstream service delivers it (REG-ANN-08): a ZIP holding
// `Extraction_Correspondance_MSSante_AAAAMMJJhhmm.txt`, the timestamp being the generation
// time in French local time (Europe/Paris, decision: the upstream zone is not documented).
import { zipSync } from 'fflate';
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { extractionText } from './extraction-file.ts';

export const EXTRACTION_PATH = '/annuaire-sante-webservices/V300/services/extraction/Extraction_Correspondance_MSSante';
export const EXTRACTION_BASENAME = 'Extraction_Correspondance_MSSante';

export interface ExtractionArchive {
  /** `Extraction_Correspondance_MSSante_AAAAMMJJhhmm.zip` */
  readonly archiveName: string;
  /** `Extraction_Correspondance_MSSante_AAAAMMJJhhmm.txt` */
  readonly entryName: string;
  readonly zip: Uint8Array;
}

export function extractionArchive(view: TrustSpaceView, generatedAt: Date): ExtractionArchive {
  const stamp = parisStamp(generatedAt);
  const entryName = `${EXTRACTION_BASENAME}_${stamp}.txt`;
  const text = new TextEncoder().encode(extractionText(view));
  const zip = zipSync({ [entryName]: [text, { mtime: generatedAt }] }, { level: 6 });
  return { archiveName: `${EXTRACTION_BASENAME}_${stamp}.zip`, entryName, zip };
}

const PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** AAAAMMJJhhmm in Europe/Paris time. */
export function parisStamp(date: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => PARIS.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}${part('hour')}${part('minute')}`;
}
