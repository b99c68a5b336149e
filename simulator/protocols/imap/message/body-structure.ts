// BODY and BODYSTRUCTURE (RFC 3501 §7.4.2): for each leaf, type, subtype, parameters, id,
// description, encoding, size in octets; plus line count for text/*, and envelope, structure
// and line count for message/rfc822; BODYSTRUCTURE adds the extension data (MD5, disposition,
// language, location; for a multipart: parameters, disposition, language, location).
import type { WireBuilder } from '../protocol/wire-builder.ts';
import { writeEnvelope } from './envelope.ts';
import { type MimeNode, parseParameterisedValue, fieldValue } from '../../mime/message-reader.ts';

export function writeBodyStructure(node: MimeNode, extensible: boolean, out: WireBuilder): void {
  if (node.children.length > 0) writeMultipart(node, extensible, out);
  else writeLeaf(node, extensible, out);
}

function writeMultipart(node: MimeNode, extensible: boolean, out: WireBuilder): void {
  out.text('(');
  for (const child of node.children) writeBodyStructure(child, extensible, out);
  out.text(' ').string(node.subtype);
  if (extensible) {
    out.text(' ');
    writeParams(node.params, out);
    writeExtension(node, out);
  }
  out.text(')');
}

function writeLeaf(node: MimeNode, extensible: boolean, out: WireBuilder): void {
  // A message/rfc822 whose content could not be parsed (encoded, too deep) has no envelope to give.
  const opaque = node.type === 'message' && node.subtype === 'rfc822' && !node.message;
  out.text('(').string(opaque ? 'application' : node.type).text(' ').string(opaque ? 'octet-stream' : node.subtype).text(' ');
  writeParams(node.params, out);
  const encoding = fieldValue(node.fields, 'CONTENT-TRANSFER-ENCODING');
  out.text(' ').nstring(fieldValue(node.fields, 'CONTENT-ID')).text(' ').nstring(fieldValue(node.fields, 'CONTENT-DESCRIPTION'));
  out.text(' ').string(encoding ? encoding.toUpperCase() : '7BIT').text(` ${node.end - node.bodyStart}`);
  if (node.message) {
    out.text(' ');
    writeEnvelope(node.message.fields, out);
    out.text(' ');
    writeBodyStructure(node.message, extensible, out);
    out.text(` ${node.lines}`);
  } else if (node.type === 'text') out.text(` ${node.lines}`);
  if (extensible) {
    out.text(' ').nstring(fieldValue(node.fields, 'CONTENT-MD5'));
    writeExtension(node, out);
  }
  out.text(')');
}

/** Disposition, language, location. */
function writeExtension(node: MimeNode, out: WireBuilder): void {
  const disposition = fieldValue(node.fields, 'CONTENT-DISPOSITION');
  out.text(' ');
  if (disposition) {
    const parsed = parseParameterisedValue(disposition);
    out.text('(').string(parsed.value).text(' ');
    writeParams(parsed.params, out);
    out.text(')');
  } else out.text('NIL');
  const languages = (fieldValue(node.fields, 'CONTENT-LANGUAGE') ?? '').split(',').map((l) => l.trim()).filter((l) => l.length > 0);
  out.text(' ');
  if (languages.length === 0) out.text('NIL');
  else {
    out.text('(');
    languages.forEach((language, index) => out.text(index === 0 ? '' : ' ').string(language));
    out.text(')');
  }
  out.text(' ').nstring(fieldValue(node.fields, 'CONTENT-LOCATION'));
}

function writeParams(params: readonly (readonly [string, string])[], out: WireBuilder): void {
  if (params.length === 0) {
    out.text('NIL');
    return;
  }
  out.text('(');
  params.forEach(([name, value], index) => out.text(index === 0 ? '' : ' ').string(name).text(' ').string(value));
  out.text(')');
}
