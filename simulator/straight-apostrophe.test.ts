// One apostrophe style in every French text the simulator writes (SMTP and IMAP replies, bounce
// texts, Mon espace santé texts, the web console): the straight apostrophe of the guide's
// sentences, which are quoted byte for byte (« … n'a pas pu être distribué … »). This scans
// every source file under simulator/ that is not a test (code, HTML, CSS, JSON, messages) for
// the typographic apostrophe U+2019 and lists file:line. Code that must recognise it writes
// `\u2019`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const SCANNED = /\.(ts|tsx|html|css|json|eml|md|py)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'e2e']);
const TYPOGRAPHIC_APOSTROPHE = '\u2019';

function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...sourceFiles(path));
    } else if (SCANNED.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      files.push(relative(ROOT, path));
    }
  }
  return files.sort();
}

test('the French texts written by the simulator use the straight apostrophe only', () => {
  const files = sourceFiles(ROOT);
  for (const expected of ['protocols/smtp/replies.ts', 'domain/bounce-reasons.ts', 'services/routing/notifier.ts', 'services/mon-espace-sante/patient-mail-texts.ts', 'protocols/imap/session/imap-texts.ts', 'web/ui/src/labels.ts', 'web/ui/index.html']) {
    assert.ok(files.includes(expected), `${expected} is scanned`);
  }
  const found: string[] = [];
  for (const file of files) {
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.includes(TYPOGRAPHIC_APOSTROPHE)) found.push(`simulator/${file}:${index + 1}: ${line.trim().slice(0, 120)}`);
      });
  }
  assert.deepEqual(found, [], `apostrophe typographique \u2019 au lieu de ' :\n${found.join('\n')}`);
});
