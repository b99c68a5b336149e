// The Ed25519 signature of a bundle's manifest (signature.json): the algorithm, the signer's
// public key (SPKI, PEM) and the signature of manifest.json's exact bytes, in base64. Anyone can
// check it with the key inside; `--cle-publique` also checks that the key is the expected one.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { SigningKeyError } from './signing-key-error.ts';

export interface BundleSignature {
  readonly algorithm: 'Ed25519';
  readonly publicKey: string;
  readonly signature: string;
}

/** Throws SigningKeyError when the PEM is not an Ed25519 private key. */
export function signManifest(manifest: Uint8Array, privateKeyPem: string): BundleSignature {
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (error) {
    throw new SigningKeyError(`clé de signature illisible (${error instanceof Error ? error.message : String(error)}) : donnez une clé privée Ed25519 au format PEM, par exemple produite par « openssl genpkey -algorithm ed25519 ».`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`clé de signature de type ${key.asymmetricKeyType ?? 'inconnu'} : seule une clé Ed25519 est acceptée.`);
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return { algorithm: 'Ed25519', publicKey, signature: sign(null, manifest, key).toString('base64') };
}

/** True when the signature is valid for these manifest bytes with the key it carries. */
export function signatureHolds(manifest: Uint8Array, signature: BundleSignature): boolean {
  try {
    return signature.algorithm === 'Ed25519' && verify(null, manifest, createPublicKey(signature.publicKey), Buffer.from(signature.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The same key, whatever the PEM's line breaks; false for an unreadable key. */
export function samePublicKey(a: string, b: string): boolean {
  try {
    const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return der(a).equals(der(b));
  } catch {
    return false;
  }
}
