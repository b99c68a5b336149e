// What the simulator observed of the client under test (the oracle is the traffic): messages
// accepted from the user's mailbox, and RCPT attempts on the submission endpoint, including those
// the operator refused.
import { addressKey, sameAddress, type Transmission } from '../../../simulator/public-api.ts';
import type { HarnessWorld } from '../../support/world.ts';

export function transmittedByClient(world: HarnessWorld): Transmission[] {
  const user = world.session.user?.address;
  return world.space.transmissions.all().filter((t) => t.ingress === 'submission' && user !== undefined && sameAddress(t.authenticatedMailbox ?? t.envelope.mailFrom, user));
}

/** RCPT TO commands naming `address` in submission transactions whose envelope sender is the user (observed SMTP exchanges). */
export function rcptAttempts(world: HarnessWorld, address: string): number {
  const user = addressKey(world.session.user?.address ?? '');
  const wanted = addressKey(address);
  return world.space.observations
    .list('smtp-exchange')
    .filter((exchange) => exchange.endpoint === 'submission' && exchange.verb === 'RCPT' && exchange.address === wanted && exchange.transactionSender === user).length;
}
