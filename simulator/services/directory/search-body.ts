// The form body of `POST [base]/[type]/_search` (FHIR R4 http §3.1.0.8.1,
// application/x-www-form-urlencoded), merged after the URL's own parameters. Malformed bodies
// (other media type, not UTF-8, broken percent-encoding, too large) are refused, never guessed.
import { directoryErrors } from './directory-errors.ts';

/** A search form is a few hundred bytes; 64 KiB leaves room and bounds the work. */
export const MAX_SEARCH_BODY_BYTES = 64 * 1024;

export async function searchParameters(request: Request): Promise<URLSearchParams> {
  const parameters = new URL(request.url).searchParams;
  const contentType = request.headers.get('content-type');
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length === 0) return parameters;
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') throw directoryErrors.unsupportedMediaType(contentType ?? '(aucun)');
  if (bytes.length > MAX_SEARCH_BODY_BYTES) throw directoryErrors.bodyTooLarge(MAX_SEARCH_BODY_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw directoryErrors.malformedBody("il n'est pas encodé en UTF-8");
  }
  for (const part of text.split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw directoryErrors.malformedBody(`encodage pourcent invalide dans « ${part.length > 40 ? `${part.slice(0, 37)}…` : part} »`);
    }
  }
  for (const [name, value] of new URLSearchParams(text)) parameters.append(name, value);
  return parameters;
}
