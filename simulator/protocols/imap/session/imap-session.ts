// One client session: parses each command, checks the state (RFC 3501 §3), runs its handler,
// sends the session's pending mailbox updates (EXISTS, EXPUNGE, FETCH FLAGS, §7.4.1) and the
// tagged completion. A syntax error is a BAD; an unexpected error is a `NO [SERVERBUG]`, never
// a crash; too many BAD in a row end the connection.
import { ArgumentReader } from '../protocol/argument-reader.ts';
import { MAX_CONSECUTIVE_BAD } from '../protocol/imap-limits.ts';
import { ImapSyntaxError } from '../protocol/imap-syntax-error.ts';
import { imapText } from '../protocol/imap-text.ts';
import type { ImapToken } from '../protocol/imap-token.ts';
import { tagOf, type CommandParts } from '../protocol/read-command.ts';
import { tokenize } from '../protocol/tokenize.ts';
import { capabilities } from './capabilities.ts';
import { COMMANDS, NO_EXPUNGE_DURING, UID_COMMANDS } from './command-table.ts';
import { TEXTS } from './imap-texts.ts';
import { bad, no, type Completion, type ImapCommand, type SessionContext, type SessionIo, type SessionServices } from './session-types.ts';

/** RFC 3501 §9 tag: ASTRING-CHAR except "+" (7-bit, no atom-specials but "]"). */
const TAG = /^[!#$&',\-./0-9:;<=>?@A-Z[\]^_`a-z|}~]+$/;

export class ImapSession {
  readonly context: SessionContext;
  readonly #onError: (error: unknown) => void;
  #consecutiveBad = 0;

  constructor(io: SessionIo, services: SessionServices, onError: (error: unknown) => void) {
    this.context = { io, services, state: { kind: 'not-authenticated' }, authFailures: 0 };
    this.#onError = onError;
  }

  greeting(): string {
    return `* OK [CAPABILITY ${capabilities(this.context.state, this.context.io.secure).join(' ')}] ${imapText(TEXTS.greeting)}`;
  }

  /** Answers a command line the reader refused (too long, literal too large). */
  refuse(tag: string | undefined, text: string): void {
    this.context.io.sendLine(`${safeTag(tag) ?? '*'} BAD ${imapText(text)}`);
    this.context.io.completed({ tag: safeTag(tag) ?? '*', verb: '', status: 'BAD' });
    this.#countBad(true);
  }

  async handle(parts: CommandParts): Promise<void> {
    let tag: string | undefined;
    let allowExpunge = true;
    let completion: Completion;
    let verb = '';
    try {
      const tokens = tokenize(parts);
      tag = validTag(tokens[0]);
      const command = this.#command(tokens, tag);
      verb = command.uid ? `UID ${command.name}` : command.name;
      allowExpunge = command.uid || !NO_EXPUNGE_DURING.has(command.name);
      completion = await this.#run(command);
    } catch (error) {
      tag ??= safeTag(tagOf(typeof parts[0] === 'string' ? parts[0] : ''));
      completion = this.#failure(error);
    }
    await this.#finish(tag, completion, allowExpunge, verb);
  }

  #command(tokens: readonly ImapToken[], tag: string): ImapCommand {
    const args = new ArgumentReader(tokens.slice(1));
    let name = args.atom('nom de commande').toUpperCase();
    const uid = name === 'UID';
    if (uid) {
      name = args.atom('commande après UID').toUpperCase();
      if (!UID_COMMANDS.has(name)) throw new ImapSyntaxError(`UID ${name} : commande inconnue après UID`);
    }
    return { tag, name, uid, args };
  }

  async #run(command: ImapCommand): Promise<Completion> {
    const spec = COMMANDS[command.name];
    if (!spec) return bad(TEXTS.unknownCommand(command.name.slice(0, 40)));
    const state = this.context.state.kind;
    if (!spec.states.includes(state)) return bad(TEXTS.wrongState(command.name, wrongStateReason(state, spec.states)));
    return spec.handler(command, this.context);
  }

  #failure(error: unknown): Completion {
    if (error instanceof ImapSyntaxError) return bad(error.message);
    this.#onError(error);
    this.context.io.fact(`erreur interne : ${error instanceof Error ? error.message : String(error)}`);
    return no(TEXTS.internalError, 'SERVERBUG');
  }

  async #finish(tag: string | undefined, completion: Completion, allowExpunge: boolean, verb = ''): Promise<void> {
    const { io, state } = this.context;
    if (state.kind === 'selected') for (const line of state.view.sync(allowExpunge)) io.sendLine(line);
    const code = completion.code === undefined ? '' : ` [${completion.code}]`;
    io.sendLine(`${tag ?? '*'} ${completion.status}${code} ${imapText(completion.text)}`);
    io.completed({ tag: tag ?? '*', verb, status: completion.status, ...(completion.code !== undefined ? { code: completion.code.split(' ')[0]! } : {}) });
    if (this.#countBad(completion.status === 'BAD')) return;
    await completion.after?.();
  }

  /** True when the connection was closed for too many errors. */
  #countBad(isBad: boolean): boolean {
    this.#consecutiveBad = isBad ? this.#consecutiveBad + 1 : 0;
    if (this.#consecutiveBad < MAX_CONSECUTIVE_BAD) return false;
    this.context.io.sendLine(`* BYE ${imapText(TEXTS.tooManyErrors)}`);
    this.context.state = { kind: 'logout' };
    this.context.io.close();
    return true;
  }
}

function safeTag(tag: string | undefined): string | undefined {
  return tag !== undefined && TAG.test(tag) ? tag : undefined;
}

function validTag(token: ImapToken | undefined): string {
  if (token?.type !== 'atom' || !TAG.test(token.value)) throw new ImapSyntaxError('Étiquette (tag) manquante ou invalide');
  return token.value;
}

function wrongStateReason(state: string, allowed: readonly string[]): string {
  if (state === 'not-authenticated') return TEXTS.notAuthenticated;
  return allowed.includes('selected') && !allowed.includes('authenticated') ? TEXTS.notSelected : TEXTS.afterAuthentication;
}
