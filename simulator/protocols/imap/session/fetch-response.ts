// One `* n FETCH (…)` response (RFC 3501 §7.4.2) for the requested items, in the order asked;
// UID first for UID FETCH (§6.4.8); FLAGS added when a non-peek body fetch just set \Seen
// (§6.4.5). Bodies always go as literals; a part that does not exist is NIL.
import { sectionBytes } from '../message/body-section.ts';
import { messageFacts } from '../message/message-facts.ts';
import type { SelectedMessage } from '../mailbox/folder-view.ts';
import { flagList } from '../mailbox/message-flags.ts';
import type { FetchItem } from '../protocol/fetch-items.ts';
import { formatDateTime } from '../protocol/imap-date.ts';
import { WireBuilder, type WireChunk } from '../protocol/wire-builder.ts';

export interface FetchContext {
  readonly isRecent: (message: SelectedMessage) => boolean;
  /** Include UID even if not asked (UID FETCH, or \Seen just set). */
  readonly withUid: boolean;
  readonly withFlags: boolean;
}

export function fetchResponse(message: SelectedMessage, items: readonly FetchItem[], context: FetchContext): WireChunk[] {
  const out = new WireBuilder().text(`* ${message.seq} FETCH (`);
  const names = new Set(items.map((item) => (item.kind === 'simple' ? item.name : '')));
  let count = 0;
  const add = (write: () => void) => {
    if (count++ > 0) out.text(' ');
    write();
  };
  if (context.withUid && !names.has('UID')) add(() => out.text(`UID ${message.entry.uid}`));
  for (const item of items) add(() => writeItem(message, item, context, out));
  if (context.withFlags && !names.has('FLAGS')) add(() => writeFlags(message, context, out));
  return out.text(')\r\n').finish();
}

function writeItem(message: SelectedMessage, item: FetchItem, context: FetchContext, out: WireBuilder): void {
  const facts = messageFacts(message.entry.message);
  if (item.kind === 'section') {
    const bytes = sectionBytes(facts.raw, facts.tree, item.section);
    out.text(item.partial ? `${item.label}<${item.partial.offset}> ` : `${item.label} `);
    if (bytes === null) out.text('NIL');
    else out.literal(item.partial ? partial(bytes, item.partial.offset, item.partial.length) : bytes);
    return;
  }
  switch (item.name) {
    case 'UID': out.text(`UID ${message.entry.uid}`); return;
    case 'FLAGS': writeFlags(message, context, out); return;
    case 'INTERNALDATE': out.text(`INTERNALDATE "${formatDateTime(message.entry.internalDate)}"`); return;
    case 'RFC822.SIZE': out.text(`RFC822.SIZE ${facts.size}`); return;
    case 'ENVELOPE': out.text('ENVELOPE ').append(facts.envelope); return;
    case 'BODYSTRUCTURE': out.text('BODYSTRUCTURE ').append(facts.bodyStructure(true)); return;
    case 'BODY': out.text('BODY ').append(facts.bodyStructure(false)); return;
    case 'RFC822': out.text('RFC822 ').literal(facts.raw); return;
    case 'RFC822.HEADER': out.text('RFC822.HEADER ').literal(facts.raw.subarray(0, facts.tree.bodyStart)); return;
    case 'RFC822.TEXT': out.text('RFC822.TEXT ').literal(facts.raw.subarray(facts.tree.bodyStart)); return;
  }
}

function writeFlags(message: SelectedMessage, context: FetchContext, out: WireBuilder): void {
  out.text(`FLAGS ${flagList(message.entry.flags, context.isRecent(message))}`);
}

function partial(bytes: Buffer, offset: number, length: number | undefined): Buffer {
  if (offset >= bytes.length) return Buffer.alloc(0);
  return bytes.subarray(offset, length === undefined ? bytes.length : offset + length);
}

/** Items whose fetch sets \Seen (RFC 3501 §6.4.5: BODY[…] without PEEK, RFC822, RFC822.TEXT). */
export function setsSeen(items: readonly FetchItem[]): boolean {
  return items.some((item) => (item.kind === 'section' ? !item.peek : item.name === 'RFC822' || item.name === 'RFC822.TEXT'));
}
