// Tokens of a client command (RFC 3501 §9): atoms (NIL, numbers, sequence sets, flags and fetch
// attributes such as `BODY[HEADER.FIELDS (FROM)]<0.100>` are atoms here), strings (quoted or
// literal, kept as bytes) and parenthesised lists.
export type ImapToken =
  | { readonly type: 'atom'; readonly value: string }
  | { readonly type: 'string'; readonly value: Buffer }
  | { readonly type: 'list'; readonly items: readonly ImapToken[] };

export function describeToken(token: ImapToken | undefined): string {
  if (!token) return 'fin de commande';
  if (token.type === 'atom') return `« ${token.value.slice(0, 40)} »`;
  return token.type === 'string' ? 'une chaîne' : 'une liste';
}
