// `conformite verifier`: what is wrong with an evidence bundle, in French, naming each file:
// missing, altered (expected and found SHA-256), added outside the manifest; a manifest that is
// unreadable or not of this format; a signature that does not hold (the manifest was changed
// after signing, or the signature was made with another key) or whose key is not the expected
// one. An unsigned bundle is only a notice: its files match its manifest, but nothing proves
// who wrote the manifest. Pure: archive bytes in, findings out.
import { unzipSync } from 'fflate';
import { MANIFEST_FORMAT, MANIFEST_NAME, sha256Hex, SIGNATURE_NAME, type BundleManifest } from './bundle-manifest.ts';
import { samePublicKey, signatureHolds, type BundleSignature } from './bundle-signature.ts';

export interface BundleFindings {
  /** French; any problem makes the bundle invalid. */
  readonly problems: readonly string[];
  /** French notices that do not invalidate it. */
  readonly notices: readonly string[];
  readonly manifest?: BundleManifest;
  readonly checkedFiles: number;
}

export function verifyBundle(archive: Uint8Array, expectedPublicKey?: string): BundleFindings {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive);
  } catch (error) {
    return { problems: [`L'archive est illisible (${error instanceof Error ? error.message : String(error)}) : ce n'est pas un zip complet.`], notices: [], checkedFiles: 0 };
  }
  const manifestRaw = entries[MANIFEST_NAME];
  if (manifestRaw === undefined) return { problems: [`${MANIFEST_NAME} manquant : l'archive n'est pas un dossier de preuve de conformité.`], notices: [], checkedFiles: 0 };
  const manifest = parseManifest(manifestRaw);
  if (typeof manifest === 'string') return { problems: [manifest], notices: [], checkedFiles: 0 };
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const bytes = entries[file.path];
    if (bytes === undefined) problems.push(`Fichier manquant : ${file.path} (listé dans le manifeste).`);
    else if (sha256Hex(bytes) !== file.sha256) problems.push(`Fichier modifié : ${file.path} (SHA-256 attendu ${file.sha256}, trouvé ${sha256Hex(bytes)}).`);
  }
  for (const path of Object.keys(entries)) {
    if (path !== MANIFEST_NAME && path !== SIGNATURE_NAME && !listed.has(path) && !path.endsWith('/')) problems.push(`Fichier ajouté hors manifeste : ${path}.`);
  }
  const notices: string[] = [];
  const signatureRaw = entries[SIGNATURE_NAME];
  if (signatureRaw === undefined) {
    notices.push("Archive non signée : les fichiers correspondent au manifeste, mais rien ne garantit l'auteur du manifeste (signez avec --cle-signature).");
    if (expectedPublicKey !== undefined) problems.push(`Signature absente alors qu'une clé publique est attendue (--cle-publique) : ${SIGNATURE_NAME} manque.`);
  } else {
    problems.push(...signatureProblems(manifestRaw, signatureRaw, expectedPublicKey));
  }
  return { problems, notices, manifest, checkedFiles: manifest.files.length };
}

function signatureProblems(manifestRaw: Uint8Array, signatureRaw: Uint8Array, expectedPublicKey: string | undefined): string[] {
  let signature: BundleSignature;
  try {
    signature = JSON.parse(Buffer.from(signatureRaw).toString('utf8')) as BundleSignature;
  } catch {
    return [`${SIGNATURE_NAME} illisible : ce n'est pas du JSON.`];
  }
  if (typeof signature.publicKey !== 'string' || typeof signature.signature !== 'string') return [`${SIGNATURE_NAME} incomplet : clé publique ou signature absente.`];
  const problems: string[] = [];
  if (!signatureHolds(manifestRaw, signature)) problems.push(`Signature invalide : ${MANIFEST_NAME} a été modifié après la signature, ou la signature n'a pas été faite avec la clé publique que porte ${SIGNATURE_NAME}.`);
  if (expectedPublicKey !== undefined && !samePublicKey(signature.publicKey, expectedPublicKey)) problems.push(`Clé de signature inattendue : l'archive est signée par une autre clé que celle donnée avec --cle-publique.`);
  return problems;
}

function parseManifest(raw: Uint8Array): BundleManifest | string {
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(Buffer.from(raw).toString('utf8')) as BundleManifest;
  } catch {
    return `${MANIFEST_NAME} illisible : ce n'est pas du JSON.`;
  }
  if (manifest.format !== MANIFEST_FORMAT || !Array.isArray(manifest.files) || !Array.isArray(manifest.requirements)) {
    return `${MANIFEST_NAME} d'un format inconnu (« ${String(manifest.format)} ») : attendu ${MANIFEST_FORMAT} avec la liste des fichiers et des exigences.`;
  }
  return manifest;
}
