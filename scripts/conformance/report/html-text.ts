// Escaping for the certification report: every text that comes from a run (message content,
// transcripts, client listings, scenario names) goes through here, so that nothing in it can
// become markup or script. Pure.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** An id or a data-* value: ASCII letters, digits and hyphens only. */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

/** A data: URI for a download link (base64, so no byte of the content reaches the markup). */
export function dataUri(mediaType: string, bytes: Buffer): string {
  const safeType = /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(mediaType) ? mediaType : 'application/octet-stream';
  return `data:${safeType};base64,${bytes.toString('base64')}`;
}
