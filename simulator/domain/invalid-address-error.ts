// Raised when a string is not an e-mail address the simulator can work with (RFC 5321 §4.1.2
// subset, see mss-address.ts). Adapters catch it and answer from their reply catalogue.
import type { AddressProblem } from './mss-address.ts';

export class InvalidAddressError extends Error {
  readonly code = 'MSS_SIM_DOMAIN_INVALID_ADDRESS';
  readonly problem: AddressProblem;
  readonly address: string;

  constructor(address: string, problem: AddressProblem) {
    super(`not a usable e-mail address (${problem}): ${JSON.stringify(address)}; give a bare address such as "name@domain.test", without angle brackets or display name`);
    this.name = 'InvalidAddressError';
    this.problem = problem;
    this.address = address;
  }
}
