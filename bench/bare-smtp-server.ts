// The ceiling of the simulator's design, for `npm run bench`: smtp-server with the simulator's own
// options (no greeting delay, hidden ENHANCEDSTATUSCODES, DSN parameters, no reverse DNS, same
// size limit) and nothing behind it: DATA is collected into one Buffer, kept in memory, and
// answered with the simulator's 250 text. Run as its own process; prints its port on stdout once listening.
// Usage: node --import tsx bench/bare-smtp-server.ts
import type { AddressInfo } from 'node:net';
import { collectMessage } from '../simulator/protocols/smtp/collect-message.ts';
import { ImmediateGreetingServer } from '../simulator/protocols/smtp/no-greeting-delay.ts';
import { GREETING_BANNER, HELO_RESPONSE, REPLIES } from '../simulator/protocols/smtp/replies.ts';
import { replyText } from '../simulator/protocols/smtp/smtp-reply.ts';

const kept: Buffer[] = [];
const server = new ImmediateGreetingServer({
  name: 'mssante.simulateur.test',
  banner: GREETING_BANNER,
  heloResponse: HELO_RESPONSE,
  size: 30 * 1024 * 1024,
  hideENHANCEDSTATUSCODES: true,
  hideDSN: false,
  disableReverseLookup: true,
  logger: false,
  socketTimeout: 300_000,
  maxClients: 1000,
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  onData(stream, _session, callback) {
    collectMessage(stream, (message) => {
      if (message.kind !== 'complete') return callback(new Error('too large or aborted'));
      kept.push(message.raw);
      callback(null, replyText(REPLIES.messageAccepted(`b-${kept.length}`)));
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => console.log(String((server.server.address() as AddressInfo).port)));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
