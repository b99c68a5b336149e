// Attachment bodies encoded once per content. nodemailer decodes an attachment given in base64 and
// encodes it again on every send, about 0.3 s of CPU for the 20 Mo of the oversize case
// (MES-NDR-06), which most faulty variants of the fault matrix play. For an attachment it always
// writes in base64 (any type but text/*, multipart/* and message/*), the client gives nodemailer
// a short stand-in and then puts the encoded body in the stand-in's place: the same bytes
// nodemailer writes (base64 in lines of 76 characters separated by CRLF, no line break after the
// last), made once per content. Only large contents are kept (a small one costs little to encode),
// within a memory budget, the oldest going first; the webmail keeps none (renderMail's option).
import { randomBytes } from 'node:crypto';

const LINE = 76;
/** A content whose base64 text is at least this long is kept once encoded. */
const WORTH_KEEPING = 1024 * 1024;
/** Encoded bodies kept at most: the oversize case (27 Mo encoded) and a few more. */
const BUDGET_BYTES = 64 * 1024 * 1024;

/** The encoded body of each content sent lately, by its base64 text then by the bytes cut off its end. */
const bodies = new Map<string, Map<number, Buffer>>();
let keptBytes = 0;

/** Whether nodemailer writes an attachment of this type in base64 whatever its bytes. */
export function alwaysBase64(contentType: string): boolean {
  return !/^(text|multipart|message)\//i.test(contentType.trim());
}

/** The bytes of a base64 attachment, `cutBytes` fewer at the end (the fault `truncated-attachment`). */
export function attachmentBytes(contentBase64: string, cutBytes = 0): Buffer {
  const content = Buffer.from(contentBase64, 'base64');
  return cutBytes > 0 ? content.subarray(0, Math.max(0, content.length - cutBytes)) : content;
}

/** The MIME body nodemailer writes for these bytes: canonical base64, lines of 76, CRLF between lines. */
export function encodedBody(contentBase64: string, cutBytes = 0): Buffer {
  let byCut = bodies.get(contentBase64);
  const known = byCut?.get(cutBytes);
  if (known) return known;
  const text = Buffer.from(attachmentBytes(contentBase64, cutBytes).toString('base64'), 'latin1');
  // The same text as nodemailer's own wrap(encode(…)) from nodemailer/lib/base64, which splits
  // with a regular expression: 0.55–0.7 s for the 20 Mio case, against 0.35–0.45 s here.
  const lines = Math.ceil(text.length / LINE);
  const body = Buffer.allocUnsafe(text.length + 2 * Math.max(0, lines - 1));
  let to = 0;
  for (let from = 0; from < text.length; from += LINE) {
    if (from > 0) to = body.writeUInt16BE(0x0d0a, to);
    to += text.copy(body, to, from, from + LINE);
  }
  if (contentBase64.length < WORTH_KEEPING) return body;
  if (!byCut) bodies.set(contentBase64, (byCut = new Map()));
  byCut.set(cutBytes, body);
  keptBytes += body.length;
  for (const [oldest, kept] of bodies) {
    if (keptBytes <= BUDGET_BYTES || oldest === contentBase64) break;
    for (const old of kept.values()) keptBytes -= old.length;
    bodies.delete(oldest);
  }
  return body;
}

/** A stand-in content for nodemailer, and the body to put where its base64 line is written. */
export interface StandIn {
  readonly content: Buffer;
  readonly replace: { readonly marker: Buffer; readonly body: Buffer };
}

export function standIn(body: Buffer): StandIn {
  // 30 random bytes: one base64 line of 40 characters that nothing else in the message contains.
  const content = randomBytes(30);
  return { content, replace: { marker: Buffer.from(content.toString('base64'), 'latin1'), body } };
}

/** The rendered message with each stand-in's line replaced by its body, copied once whatever their number. */
export function spliceBodies(rendered: Buffer, replacements: readonly StandIn['replace'][]): Buffer {
  if (replacements.length === 0) return rendered;
  const places = replacements.map((replacement) => {
    const at = rendered.indexOf(replacement.marker);
    if (at < 0 || rendered.indexOf(replacement.marker, at + 1) >= 0) throw new Error('attachment stand-in not found exactly once in the rendered message');
    return { at, ...replacement };
  });
  const parts: Buffer[] = [];
  let from = 0;
  for (const { at, marker, body } of places.sort((a, b) => a.at - b.at)) {
    parts.push(rendered.subarray(from, at), body);
    from = at + marker.length;
  }
  parts.push(rendered.subarray(from));
  return Buffer.concat(parts);
}
