// Reads the arguments of a command in order, each read naming what it expects so that a
// malformed command gets a BAD saying what was wrong (RFC 3501 §7.1.3).
import { ImapSyntaxError } from './imap-syntax-error.ts';
import { describeToken, type ImapToken } from './imap-token.ts';

export class ArgumentReader {
  readonly #tokens: readonly ImapToken[];
  #position = 0;

  constructor(tokens: readonly ImapToken[]) {
    this.#tokens = tokens;
  }

  get done(): boolean {
    return this.#position >= this.#tokens.length;
  }

  peek(): ImapToken | undefined {
    return this.#tokens[this.#position];
  }

  next(what: string): ImapToken {
    const token = this.#tokens[this.#position];
    if (!token) throw new ImapSyntaxError(`Argument manquant : ${what}`);
    this.#position += 1;
    return token;
  }

  atom(what: string): string {
    const token = this.next(what);
    if (token.type !== 'atom') throw new ImapSyntaxError(`${capitalised(what)} attendu, reçu ${describeToken(token)}`);
    return token.value;
  }

  /** An atom or a string (RFC 3501 astring), as text. */
  astring(what: string): string {
    const token = this.next(what);
    if (token.type === 'atom') return token.value;
    if (token.type === 'string') return token.value.toString('utf8');
    throw new ImapSyntaxError(`${capitalised(what)} attendu, reçu ${describeToken(token)}`);
  }

  /** A string (quoted or literal) as bytes. */
  bytes(what: string): Buffer {
    const token = this.next(what);
    if (token.type !== 'string') throw new ImapSyntaxError(`${capitalised(what)} attendu (chaîne ou littéral), reçu ${describeToken(token)}`);
    return token.value;
  }

  list(what: string): readonly ImapToken[] {
    const token = this.next(what);
    if (token.type !== 'list') throw new ImapSyntaxError(`${capitalised(what)} attendu (liste entre parenthèses), reçu ${describeToken(token)}`);
    return token.items;
  }

  /** Whether the next token is the atom `value` (case-insensitive); consumed if so. */
  acceptAtom(value: string): boolean {
    const token = this.peek();
    if (token?.type === 'atom' && token.value.toUpperCase() === value) {
      this.#position += 1;
      return true;
    }
    return false;
  }

  end(): void {
    const token = this.peek();
    if (token) throw new ImapSyntaxError(`Argument en trop : ${describeToken(token)}`);
  }
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Tokens that must all be atoms (flag lists, status items). */
export function atomsOf(items: readonly ImapToken[], what: string): string[] {
  return items.map((item) => {
    if (item.type !== 'atom') throw new ImapSyntaxError(`${capitalised(what)} attendu, reçu ${describeToken(item)}`);
    return item.value;
  });
}
