// What the simulator observed of the client under test (the oracle is the traffic): messages
// accepted from the user's mailbox, and RCPT attempts on the submission endpoint, including those
// the operator refused.
import type { Transmission } from '../../../simulator/public-api.ts';
import type { HarnessWorld } from '../../support/world.ts';

export function transmittedByClient(world: HarnessWorld): Transmission[] {
  const user = world.session.user?.address.toLowerCase();
  return world.space.transmissions.all().filter((t) => t.ingress === 'submission' && (t.authenticatedMailbox ?? t.envelope.mailFrom).toLowerCase() === user);
}

/** RCPT TO commands naming `address` in submission transactions whose envelope sender is the user (observed SMTP exchanges). */
export function rcptAttempts(world: HarnessWorld, address: string): number {
  const user = world.session.user?.address.toLowerCase() ?? '';
  const wanted = address.toLowerCase();
  return world.space.observations
    .list('smtp-exchange')
    .filter((exchange) => exchange.endpoint === 'submission' && exchange.verb === 'RCPT' && exchange.address === wanted && exchange.transactionSender === user).length;
}
