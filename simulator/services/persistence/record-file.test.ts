// The journal's record format: a round trip, a torn tail skipped and reported, a damaged line in
// the middle or an unknown version refused with a French error naming the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecordFile, readRecordFileAt } from './record-file.ts';
import { decodeRecordLine, encodeRecordLine } from './record-line.ts';
import { PersistenceError } from './persistence-error.ts';
import { freshProcessTempDir } from '../../cli/process-temp-dir.ts';

const PATH = '/tmp/exemple/journal.ndjson';
const lines = (...records: unknown[]) => records.map((r) => encodeRecordLine(r)).join('');

test('records written are read back in order, byte length of the valid prefix included', () => {
  const text = lines({ t: 'a', n: 1 }, { t: 'b', texte: 'accentué « » ' }, { t: 'c', list: [1, 2] });
  const read = readRecordFile(Buffer.from(text), PATH);
  assert.deepEqual(read.records, [{ t: 'a', n: 1 }, { t: 'b', texte: 'accentué « » ' }, { t: 'c', list: [1, 2] }]);
  assert.equal(read.validBytes, Buffer.byteLength(text));
  assert.deepEqual(read.lineBytes, [{ t: 'a', n: 1 }, { t: 'b', texte: 'accentué « » ' }, { t: 'c', list: [1, 2] }].map((record) => Buffer.byteLength(lines(record))), 'each line\'s length in bytes, newline included');
  assert.equal(read.tornTail, undefined);
});

test('each line is plain JSON with a version and a CRC', () => {
  const parsed = JSON.parse(encodeRecordLine({ t: 'a' }));
  assert.equal(parsed.v, 1);
  assert.match(parsed.crc, /^[0-9a-f]{8}$/);
  assert.deepEqual(parsed.r, { t: 'a' });
});

test('a last line cut short (no newline) is skipped and reported as the torn tail', () => {
  const whole = lines({ t: 'a' }, { t: 'b' });
  const torn = encodeRecordLine({ t: 'c', texte: 'coupé en route' }).slice(0, 20);
  const read = readRecordFile(Buffer.from(whole + torn), PATH);
  assert.deepEqual(read.records, [{ t: 'a' }, { t: 'b' }]);
  assert.equal(read.validBytes, Buffer.byteLength(whole));
  assert.deepEqual(read.tornTail, { bytes: 20, line: 3 });
});

test('a complete last line without its newline is a torn tail too (the newline is part of the write)', () => {
  const whole = lines({ t: 'a' });
  const last = encodeRecordLine({ t: 'b' }).trimEnd();
  const read = readRecordFile(Buffer.from(whole + last), PATH);
  assert.deepEqual(read.records, [{ t: 'a' }]);
  assert.equal(read.tornTail?.line, 2);
});

test('a last line whose CRC fails (bytes altered) is a torn tail; zero bytes after it are ignored', () => {
  const whole = lines({ t: 'a' });
  const altered = encodeRecordLine({ t: 'b', n: 1 }).replace('"n":1', '"n":2');
  assert.deepEqual(decodeRecordLine(altered.trimEnd()), { ok: false, problem: 'crc-mismatch' });
  const read = readRecordFile(Buffer.concat([Buffer.from(whole + altered), Buffer.alloc(64)]), PATH);
  assert.deepEqual(read.records, [{ t: 'a' }]);
  assert.equal(read.tornTail?.line, 2);
});

test('a damaged line followed by valid records is corruption: PersistenceError naming the file and line', () => {
  const altered = encodeRecordLine({ t: 'b', n: 1 }).replace('"n":1', '"n":2');
  const content = Buffer.from(lines({ t: 'a' }) + altered + lines({ t: 'c' }));
  assert.throws(
    () => readRecordFile(content, PATH),
    (error: unknown) => error instanceof PersistenceError && error.code === 'RECORD_CORRUPT' && error.message.includes(`${PATH}, ligne 2`) && error.message.includes('somme de contrôle'),
  );
});

test('an unknown format version is refused with a clear error, even on the last line', () => {
  const future = `${JSON.stringify({ v: 2, crc: '00000000', r: { t: 'a' } })}\n`;
  assert.throws(
    () => readRecordFile(Buffer.from(lines({ t: 'a' }) + future), PATH),
    (error: unknown) => error instanceof PersistenceError && error.code === 'RECORD_VERSION_UNKNOWN' && error.message.includes('ligne 2') && error.message.includes('« 2 »'),
  );
});

test('an empty file has no records and no torn tail', () => {
  assert.deepEqual(readRecordFile(Buffer.alloc(0), PATH), { records: [], lineBytes: [], validBytes: 0 });
});

test('a file larger than one read chunk (8 MiB) is read whole, lines cut across chunks included, torn tail too', () => {
  const path = join(freshProcessTempDir('mss-record-file-'), 'journal.ndjson');
  const filler = 'é'.repeat(1500);
  const records = Array.from({ length: 3000 }, (_, n) => ({ t: 'stored', n, filler }));
  writeFileSync(path, lines(...records));
  appendFileSync(path, encodeRecordLine({ t: 'coupé' }).slice(0, 10));
  const read = readRecordFileAt(path);
  assert.equal(read.records.length, 3000);
  assert.deepEqual(read.records[2999], records[2999]);
  assert.deepEqual(read.tornTail, { bytes: 10, line: 3001 });
});
