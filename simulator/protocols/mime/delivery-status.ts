// The body of a `message/delivery-status` part (RFC 3464 §2.1): groups of header-style fields
// separated by blank lines; the first group is about the message, each next one about a
// recipient. Field values are kept as written (unfolded, trimmed), e.g. `rfc822;a@b`.
import { decodeUtf8AddrXtext } from './dsn-address.ts';
import { headerKey, splitHeaderFields } from './header-block.ts';

export interface DeliveryStatusPerMessage {
  readonly reportingMta?: string;
  readonly arrivalDate?: string;
  readonly originalEnvelopeId?: string;
  /** Every field of the group, name lower-cased (first occurrence wins). */
  readonly fields: Readonly<Record<string, string>>;
}

export interface DeliveryStatusRecipient {
  readonly originalRecipient?: string;
  readonly finalRecipient?: string;
  readonly action?: string;
  readonly status?: string;
  readonly diagnosticCode?: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface DeliveryStatus {
  readonly perMessage: DeliveryStatusPerMessage;
  readonly recipients: readonly DeliveryStatusRecipient[];
}

/** Parses delivery-status text. Never throws; a body without recipient groups gives `recipients: []`. */
export function parseDeliveryStatus(text: string): DeliveryStatus {
  const groups = text
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map(groupFields)
    .filter((fields) => Object.keys(fields).length > 0);
  const perMessage = groups[0] ?? {};
  return {
    perMessage: {
      reportingMta: perMessage['reporting-mta'],
      arrivalDate: perMessage['arrival-date'],
      originalEnvelopeId: perMessage['original-envelope-id'],
      fields: perMessage,
    },
    recipients: groups.slice(1).map((fields) => ({
      originalRecipient: fields['original-recipient'],
      finalRecipient: fields['final-recipient'],
      action: fields['action']?.toLowerCase(),
      status: fields['status'],
      diagnosticCode: fields['diagnostic-code'],
      fields,
    })),
  };
}

/**
 * The value after `type;` of a typed field (`rfc822;a@b` → `a@b`), trimmed; the value itself when
 * untyped. A `utf-8` address comes back from its xtext form (RFC 6533 §3: `utf-8;jos\x{E9}@b` → `josé@b`).
 */
export function typedFieldValue(value: string): string {
  const semicolon = value.indexOf(';');
  if (semicolon === -1) return value.trim();
  const bare = value.slice(semicolon + 1).trim();
  return value.slice(0, semicolon).trim().toLowerCase() === 'utf-8' ? decodeUtf8AddrXtext(bare) : bare;
}

function groupFields(group: string): Record<string, string> {
  const fields = new Map<string, string>();
  for (const { name, value } of splitHeaderFields(group.replace(/^\n+/, ''))) {
    const key = headerKey(name);
    if (!fields.has(key)) fields.set(key, value.trim());
  }
  return Object.fromEntries(fields);
}
