// A reply was requested to a message the manual driver never listed (`inReplyTo` is a
// `clientMessageId` of listMessages): a harness bug, not a client failure.
export class UnknownSentMessageError extends Error {
  readonly code = 'MSS_SIM_DRIVER_MANUAL_UNKNOWN_MESSAGE';

  constructor(readonly clientMessageId: string) {
    super(`Le driver manuel ne connaît pas le message « ${clientMessageId} » (inReplyTo) : seuls les messages envoyés qu'il a listés peuvent être cités.`);
    this.name = 'UnknownSentMessageError';
  }
}
