// One piece of evidence in the certification report: its French title, its excerpt with the
// lines that matter highlighted (evidence-excerpt.ts), the whole text behind a « voir tout »,
// and, for a message, a download link to the .eml (data: URI). Every text is escaped. Pure.
import { evidenceExcerpt, type Excerpt } from './evidence-excerpt.ts';
import { dataUri, escapeHtml } from './html-text.ts';
import type { AttachmentDetail } from './scenario-details.ts';

/** Lines of a piece of evidence printed in full behind « voir tout »; the .eml download keeps everything. */
export const MAX_FULL_LINES = 400;

const TITLES: readonly [RegExp, string][] = [
  [/^vue-du-client/, 'Ce que le logiciel a rapporté (sa liste de messages)'],
  [/^attestations/, "Ce que la personne a répondu aux questions du banc"],
  [/^transcription-/, 'Transcription des échanges avec le simulateur'],
  [/^message-transmis-/, 'Message transmis par le logiciel'],
  [/^avis-de-non-remise-/, 'Avis de non-remise produit par le simulateur'],
  [/^accuse-de-remise-/, 'Accusé de remise produit par le simulateur'],
];

export function evidenceTitle(fileName: string): string {
  return TITLES.find(([pattern]) => pattern.test(fileName))?.[1] ?? 'Pièce du dossier de preuve';
}

/** The client's own account comes first, then what the simulator observed. */
export function isClientReport(fileName: string): boolean {
  return /^(vue-du-client|attestations)/.test(fileName);
}

export function evidenceBlock(item: AttachmentDetail, highlight: readonly RegExp[]): { html: string; highlighted: boolean } {
  const text = item.bytes.toString('utf8');
  const { excerpt, highlightedCount, totalLines } = evidenceExcerpt(text, highlight);
  const open = highlightedCount > 0 || isClientReport(item.fileName);
  const download = item.mediaType === 'message/rfc822'
    ? ` <a class="lien-telecharger" download="${escapeHtml(item.fileName)}" href="${dataUri(item.mediaType, item.bytes)}">télécharger le .eml</a>`
    : '';
  const head = `<h4>${escapeHtml(evidenceTitle(item.fileName))} — <code>${escapeHtml(item.fileName)}</code>${download}</h4>`;
  const note = highlightedCount > 0 ? `<p>${highlightedCount} ligne(s) en cause surlignée(s), sur ${totalLines}.</p>` : '';
  const full = fullText(text);
  const body = open
    ? `${note}${excerptHtml(excerpt, totalLines)}<details><summary>Voir tout (${totalLines} lignes)</summary>${full}</details>`
    : `<details><summary>Voir (${totalLines} lignes, rien de surligné)</summary>${full}</details>`;
  return { html: `<div class="preuve${open ? '' : ' repliee'}">${head}${body}</div>`, highlighted: highlightedCount > 0 };
}

function excerptHtml(excerpt: Excerpt, totalLines: number): string {
  const parts: string[] = [];
  excerpt.forEach((run, index) => {
    const first = run[0]?.number ?? 1;
    if (index > 0 || first > 1) parts.push('<span class="saut">…</span>');
    for (const line of run) {
      const text = `${String(line.number).padStart(4, ' ')}  ${escapeHtml(line.text)}`;
      parts.push(line.highlighted ? `<mark>${text}</mark>` : `<span>${text}</span>`);
    }
  });
  const last = excerpt.at(-1)?.at(-1)?.number ?? totalLines;
  if (last < totalLines) parts.push('<span class="saut">…</span>');
  return `<pre class="extrait">${parts.join('')}</pre>`;
}

function fullText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const shown = lines.slice(0, MAX_FULL_LINES).map((line) => `<span>${escapeHtml(line)}</span>`).join('');
  const cut = lines.length > MAX_FULL_LINES ? `<span class="saut">… ${lines.length - MAX_FULL_LINES} ligne(s) de plus dans le fichier.</span>` : '';
  return `<pre class="extrait">${shown}${cut}</pre>`;
}
