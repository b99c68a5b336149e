// The manifest of a campaign's evidence bundle (conformite-preuves.zip): every file with its size
// and SHA-256, the run's metadata (product, client, suite and simulator fingerprint, date,
// selection, overall verdict), the tool and dependency versions, and the verdict of each
// requirement, by stable code. `conformite verifier` checks the files against it and
// `conformite comparer` compares two of them. Pure.
import { createHash } from 'node:crypto';
import type { ConformanceSummary } from '../cli/conformance-summary.ts';

export const MANIFEST_FORMAT = 'mssante-conformite-preuves/1';
export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'signature.json';

export interface ManifestFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ManifestRequirement {
  readonly id: string;
  readonly level: string | null;
  readonly verdictCode: string;
  readonly verdict: string;
}

export interface BundleManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly verdictCode: string;
  readonly verdict: string;
  readonly product: ConformanceSummary['product'];
  readonly client: ConformanceSummary['client'];
  readonly suite: ConformanceSummary['suite'];
  readonly run: ConformanceSummary['run'];
  readonly tools: { readonly node: string; readonly platform: string; readonly dependencies: Readonly<Record<string, string>> };
  readonly requirements: readonly ManifestRequirement[];
  readonly files: readonly ManifestFile[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function buildManifest(summary: ConformanceSummary, files: ReadonlyMap<string, Uint8Array>, tools: BundleManifest['tools']): BundleManifest {
  return {
    format: MANIFEST_FORMAT,
    verdictCode: summary.verdictCode,
    verdict: summary.verdict,
    product: summary.product,
    client: summary.client,
    suite: summary.suite,
    run: summary.run,
    tools,
    requirements: summary.requirements.map((r) => ({ id: r.id, level: r.level, verdictCode: r.verdictCode, verdict: r.verdict })),
    files: [...files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256Hex(bytes) })),
  };
}

/** The manifest's bytes as written in the archive and signed. */
export function manifestBytes(manifest: BundleManifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
}
