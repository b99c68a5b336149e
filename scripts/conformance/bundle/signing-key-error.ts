// The key given with --cle-signature is not an Ed25519 private key in PEM: a usage error (64).
export class SigningKeyError extends Error {
  readonly code = 'MSS_SIM_BUNDLE_SIGNING_KEY';
  override readonly name = 'SigningKeyError';
}
