// Message identifiers of Message-ID, In-Reply-To and References (RFC 5322 §3.6.4):
// `<id-left@id-right>`, stored without angle brackets across the simulator.

/** Ids of a header value, without angle brackets, in order. Bare tokens are accepted when no `<…>` is present. */
export function extractMessageIds(value: string): string[] {
  // The usual values, without the regular expressions below: none, or one plain `<id>`.
  if (value === '') return [];
  const single = SINGLE_ID.exec(value);
  if (single) return [single[1]!];
  const withoutComments = value.replace(/\([^()]*\)/g, ' ');
  const bracketed = [...withoutComments.matchAll(/<([^<>]*)>/g)]
    .map((match) => (match[1] ?? '').replace(/\s+/g, ''))
    .filter((id) => id.length > 0);
  if (bracketed.length > 0) return bracketed;
  return withoutComments.split(/[\s,]+/).filter((token) => token.length > 0);
}

/** One `<id>` and nothing else but white space around it: no comment, no blank inside. */
const SINGLE_ID = /^[ \t]*<([^<>()\s]+)>[ \t]*$/;

/** An id without angle brackets, whether it had them or not. */
export function bareMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1).trim() : trimmed;
}

/** An id in angle brackets, as written in headers. */
export function bracketedMessageId(id: string): string {
  return `<${bareMessageId(id)}>`;
}
