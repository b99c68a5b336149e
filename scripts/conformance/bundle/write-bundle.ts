// Writes a campaign's evidence bundle (conformite-preuves.zip) beside its reports: the reports
// under rapports/, every scenario's evidence (transcripts, .eml, the client's listing) under
// preuves/<scenario>/, manifest.json (bundle-manifest.ts) and, with a signing key, signature.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { zipSync } from 'fflate';
import type { ConformanceSummary } from '../cli/conformance-summary.ts';
import type { ReportFiles } from '../cli/run-plan.ts';
import { slug } from '../report/html-text.ts';
import type { ScenarioDetail } from '../report/scenario-details.ts';
import { buildManifest, manifestBytes, MANIFEST_NAME, SIGNATURE_NAME, type BundleManifest } from './bundle-manifest.ts';
import { signManifest } from './bundle-signature.ts';

export const BUNDLE_FILE_NAME = 'conformite-preuves.zip';

export interface BundleInput {
  readonly root: string;
  readonly summary: ConformanceSummary;
  readonly reports: ReportFiles;
  readonly details: ReadonlyMap<string, ScenarioDetail>;
  /** PEM text of the Ed25519 private key. */
  readonly signingKeyPem?: string;
}

/** The bundle's files, by path inside the archive. */
export function bundleFiles(reports: ReportFiles, details: ReadonlyMap<string, ScenarioDetail>): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [key, path] of Object.entries(reports)) {
    if (key !== 'bundle' && existsSync(path)) files.set(`rapports/${basename(path)}`, readFileSync(path));
  }
  for (const [location, detail] of details) {
    const folder = `preuves/${slug(location)}`;
    for (const item of detail.attachments) files.set(`${folder}/${uniqueName(files, folder, item.fileName)}`, item.bytes);
  }
  return files;
}

export function writeBundle(input: BundleInput, path: string): BundleManifest {
  const files = bundleFiles(input.reports, input.details);
  const manifest = buildManifest(input.summary, files, toolVersions(input.root));
  const manifestRaw = manifestBytes(manifest);
  const entries: Record<string, Uint8Array> = { [MANIFEST_NAME]: manifestRaw, ...Object.fromEntries(files) };
  if (input.signingKeyPem !== undefined) entries[SIGNATURE_NAME] = new TextEncoder().encode(JSON.stringify(signManifest(manifestRaw, input.signingKeyPem), null, 2) + '\n');
  writeFileSync(path, zipSync(entries, { level: 6 }));
  return manifest;
}

/** Node, the platform, and the installed version of every dependency of package.json. */
export function toolVersions(root: string): BundleManifest['tools'] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).sort();
  const dependencies = Object.fromEntries(names.map((name) => [name, installedVersion(root, name)]));
  return { node: process.version, platform: `${process.platform}-${process.arch}`, dependencies };
}

function installedVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? 'inconnue';
  } catch {
    return 'non installée';
  }
}

function uniqueName(files: ReadonlyMap<string, Uint8Array>, folder: string, name: string): string {
  const safe = name.replace(/[^\w.-]+/g, '_');
  let candidate = safe;
  for (let n = 2; files.has(`${folder}/${candidate}`); n += 1) candidate = safe.replace(/(\.[^.]*)?$/, `-${n}$1`);
  return candidate;
}
