// A `find-recipient` the client's software tried and shows as failed (`failed` with
// `shownToUser`): the scenario that asked for it fails with what the user saw, in French. Never
// a setup error: the adapter answered as the protocol says.
export class ShownFailureError extends Error {
  readonly code = 'MSS_SIM_CLIENT_SHOWN_FAILURE';
  constructor(readonly operation: string, readonly shownToUser: string) {
    super(`Le logiciel a tenté l'opération « ${operation} » et montre une erreur à l'utilisateur : « ${shownToUser} ».`);
    this.name = 'ShownFailureError';
  }
}
