// IDLE (RFC 2177): `+ idling`, then every change of the selected folder (new mail such as a
// bounce or a patient's reply, expunges, flags changed by another session) is pushed at once
// as untagged responses, until the client sends DONE.
import { imapText } from '../protocol/imap-text.ts';
import { TEXTS } from './imap-texts.ts';
import { bad, ok, type Completion, type ImapCommand, type SessionContext } from './session-types.ts';

export async function idle(command: ImapCommand, session: SessionContext): Promise<Completion> {
  command.args.end();
  const view = session.state.kind === 'selected' ? session.state.view : undefined;
  session.io.sendLine(`+ ${imapText(TEXTS.idling)}`);
  let pending: NodeJS.Immediate | undefined;
  const push = () => {
    pending = undefined;
    for (const line of view?.sync(true) ?? []) session.io.sendLine(line);
  };
  push();
  // Folder listeners run inside store.add(): coalesce, and answer outside the caller's stack.
  const unsubscribe = view?.folder.subscribe(() => {
    pending ??= setImmediate(push);
  });
  try {
    const line = await session.io.readLine();
    if (line === null) return { ...ok(TEXTS.idleDone), after: () => session.io.close() };
    return line.trim().toUpperCase() === 'DONE' ? ok(TEXTS.idleDone) : bad(TEXTS.idleExpectedDone);
  } finally {
    unsubscribe?.();
    if (pending) clearImmediate(pending);
  }
}
