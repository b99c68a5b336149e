// One attachment of a message as a download, for the webmail and the Mon espace santé app. Never
// shown inline (`attachment`, `nosniff`, a sandbox CSP), under a file name and a media type made
// safe: both come from the message, which anyone may write. The name keeps [A-Za-z0-9_.-] only;
// a media type that is not `type/subtype` in RFC 2045 token characters (a message once gave
// « tëxt/h\u200ftml », which Node refuses in a header) is sent as application/octet-stream.
import { bytes } from './http-response.ts';
import type { HttpResponse } from './route.ts';

const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;

export function attachmentDownload(content: Buffer, contentType: string | undefined, filename: string | undefined, index: number): HttpResponse {
  const mediaType = contentType?.split(';')[0]?.trim() ?? '';
  return bytes(content, MEDIA_TYPE.test(mediaType) ? mediaType.toLowerCase() : 'application/octet-stream', {
    'Content-Disposition': `attachment; filename="${(filename ?? `piece-jointe-${index + 1}`).replace(/[^A-Za-z0-9_.-]/g, '_')}"`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
  });
}
