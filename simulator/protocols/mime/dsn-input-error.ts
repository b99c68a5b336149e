// Raised by the DSN builder for an input it cannot turn into a valid RFC 3464 notification:
// a programming error of the caller (routing), never a vendor's fault.
export class DsnInputError extends Error {
  readonly code = 'MSS_SIM_DSN_INVALID_INPUT';

  constructor(reason: string) {
    super(`cannot build the delivery status notification: ${reason}`);
    this.name = 'DsnInputError';
  }
}
