// THE way to read a message: every reader outside this module (the store and routing, IMAP, the
// control API, the harness and the reference client) imports from here. Which tool does what:
// - our own byte-level header scan (header-block.ts) for every header reading: the store's
//   light index (message-index.ts, on the SMTP hot path), IMAP's fields with their offsets
//   (raw-header.ts), DSN per-recipient fields (delivery-status.ts);
// - our own MIME tree with byte offsets (mime-tree.ts) where exact bytes matter: IMAP
//   BODYSTRUCTURE and BODY[section], the synchronous reading of a report's parts, and the
//   decoded text of a part (text-content.ts) for SEARCH;
// - one reading of Content-Type parameters (parameterised-value.ts), hence one `reportType`;
// - mailparser, imported only in parse-message.ts, for full decoding: display names, text and
//   HTML bodies, attachments with their contents (the API's message view, the harness, the
//   reference client). Header-level fields of its result still come from our scan.
export { decodeEncodedWords } from './encoded-words.ts';
export { extractAddresses } from './address-list.ts';
export { extractMessageIds } from './message-ids.ts';
export { headerBlockLength, headerKey, readHeaderFields, scanHeaderFields, type HeaderField, type HeaderFieldSpan } from './header-block.ts';
export { indexMessage, type MessageIndex } from './message-index.ts';
export type { MessageHeaderFields } from './message-header-fields.ts';
export { contentTypeParameter, reportType } from './mime-structure.ts';
export { parseDeliveryStatus, typedFieldValue, type DeliveryStatus } from './delivery-status.ts';
export { parseDispositionNotification, type DispositionNotification } from './disposition-notification.ts';
export { parseMessage, type ParsedAddress, type ParsedAttachment, type ParsedMessage, type ParseOptions } from './parse-message.ts';
export { parseMimeTree, type MimeNode } from './mime-tree.ts';
export { fieldValue, readRawHeader, type RawHeaderField } from './raw-header.ts';
export { parameter, parseParameterisedValue, type ParameterisedValue } from './parameterised-value.ts';
export { bodyText, headerText } from './text-content.ts';
