// What the simulator observed of the client under test (REG-DEC-04: the oracle is the
// traffic): messages accepted from the user's mailbox, and RCPT attempts in the submission
// transcripts, including those the operator refused.
import type { Transmission } from '../../../simulator/routing/transmission-log.ts';
import type { HarnessWorld } from '../../support/world.ts';

export function transmittedByClient(world: HarnessWorld): Transmission[] {
  const user = world.session.user?.address.toLowerCase();
  return world.space.transmissions.all().filter((t) => t.ingress === 'submission' && (t.authenticatedMailbox ?? t.envelope.mailFrom).toLowerCase() === user);
}

/** RCPT TO commands naming `address` on submission connections whose MAIL FROM is the user. */
export function rcptAttempts(world: HarnessWorld, address: string): number {
  const user = world.session.user?.address.toLowerCase() ?? '';
  const wanted = address.toLowerCase();
  let count = 0;
  for (const connection of world.space.journal.connections().filter((c) => c.endpoint === 'submission')) {
    const lines = world.space.journal.transcript(connection.id)?.lines ?? [];
    let fromUser = false;
    for (const line of lines) {
      if (line.direction !== 'C') continue;
      const mailFrom = /^MAIL FROM:\s*<([^>]*)>/i.exec(line.text);
      if (mailFrom) fromUser = (mailFrom[1] ?? '').toLowerCase() === user;
      const rcpt = /^RCPT TO:\s*<([^>]*)>/i.exec(line.text);
      if (rcpt && fromUser && (rcpt[1] ?? '').toLowerCase() === wanted) count += 1;
    }
  }
  return count;
}
