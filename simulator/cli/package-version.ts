// `--version` of the project's command lines: the package's name and version, in French.
import { readFileSync } from 'node:fs';

export function versionLine(command: string): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
  return `${command} (${pkg.name ?? 'mssante-simulateur'}) version ${pkg.version ?? 'inconnue'}`;
}
