// Which command runs in which state (RFC 3501 §6: any state, not authenticated, authenticated,
// selected) and which may follow `UID` (§6.4.8; EXPUNGE from RFC 4315, MOVE from RFC 6851).
import { append } from './append-command.ts';
import { authenticate, login, startTls } from './auth-commands.ts';
import { close, expunge } from './folder-close-commands.ts';
import { create, deleteFolder, rename, subscribe } from './folder-admin-commands.ts';
import { select, status } from './folder-commands.ts';
import { idle } from './idle-command.ts';
import { list } from './list-command.ts';
import { copyOrMove, fetch, search, store } from './message-commands.ts';
import { capability, enable, id, logout, namespace, noop } from './simple-commands.ts';
import type { CommandHandler, StateKind } from './session-types.ts';

export interface CommandSpec {
  readonly states: readonly StateKind[];
  readonly handler: CommandHandler;
}

const ANY: readonly StateKind[] = ['not-authenticated', 'authenticated', 'selected'];
const NOT_AUTHENTICATED: readonly StateKind[] = ['not-authenticated'];
const AUTHENTICATED: readonly StateKind[] = ['authenticated', 'selected'];
const SELECTED: readonly StateKind[] = ['selected'];

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  CAPABILITY: { states: ANY, handler: capability },
  NOOP: { states: ANY, handler: noop },
  LOGOUT: { states: ANY, handler: logout },
  ID: { states: ANY, handler: id },
  STARTTLS: { states: NOT_AUTHENTICATED, handler: startTls },
  LOGIN: { states: NOT_AUTHENTICATED, handler: login },
  AUTHENTICATE: { states: NOT_AUTHENTICATED, handler: authenticate },
  ENABLE: { states: AUTHENTICATED, handler: enable },
  NAMESPACE: { states: AUTHENTICATED, handler: namespace },
  SELECT: { states: AUTHENTICATED, handler: select },
  EXAMINE: { states: AUTHENTICATED, handler: select },
  LIST: { states: AUTHENTICATED, handler: list },
  LSUB: { states: AUTHENTICATED, handler: list },
  STATUS: { states: AUTHENTICATED, handler: status },
  CREATE: { states: AUTHENTICATED, handler: create },
  DELETE: { states: AUTHENTICATED, handler: deleteFolder },
  RENAME: { states: AUTHENTICATED, handler: rename },
  SUBSCRIBE: { states: AUTHENTICATED, handler: subscribe },
  UNSUBSCRIBE: { states: AUTHENTICATED, handler: subscribe },
  APPEND: { states: AUTHENTICATED, handler: append },
  IDLE: { states: AUTHENTICATED, handler: idle },
  CHECK: { states: SELECTED, handler: noop },
  CLOSE: { states: SELECTED, handler: close },
  UNSELECT: { states: SELECTED, handler: close },
  EXPUNGE: { states: SELECTED, handler: expunge },
  FETCH: { states: SELECTED, handler: fetch },
  STORE: { states: SELECTED, handler: store },
  SEARCH: { states: SELECTED, handler: search },
  COPY: { states: SELECTED, handler: copyOrMove },
  MOVE: { states: SELECTED, handler: copyOrMove },
};

export const UID_COMMANDS: ReadonlySet<string> = new Set(['FETCH', 'STORE', 'SEARCH', 'COPY', 'MOVE', 'EXPUNGE']);

/** RFC 3501 §7.4.1: no EXPUNGE response while answering these (message numbers would shift under the client). */
export const NO_EXPUNGE_DURING: ReadonlySet<string> = new Set(['FETCH', 'STORE', 'SEARCH', 'COPY']);
