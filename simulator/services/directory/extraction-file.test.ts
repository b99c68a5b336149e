import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync } from 'fflate';
import { createTrustSpaceView } from '../../domain/create-trust-space-view.ts';
import { extractionArchive, parisStamp } from './extraction-archive.ts';
import { EXTRACTION_COLUMNS, extractionText } from './extraction-file.ts';
import { defaultData, directoryKit } from './testing/directory-kit.ts';

const data = await defaultData();
const view = createTrustSpaceView(data);

function lines(text: string): string[][] {
  assert.ok(text.endsWith('\n'));
  return text.slice(0, -1).split('\n').map((line) => line.split('|'));
}

test('header then one line per published mailbox, 31 fields each, liste rouge and off-whitelist boxes left out', () => {
  const [header, ...rows] = lines(extractionText(view));
  assert.equal(EXTRACTION_COLUMNS.length, 31);
  assert.deepEqual(header, [...EXTRACTION_COLUMNS]);
  for (const row of rows) assert.equal(row.length, 31, row.join('|'));
  assert.deepEqual(rows.map((r) => r[1]), [
    'pharmacie.duparc@pharmacien.mssante.fr', 'camille.dupre@pharmacien.mssante.fr', 'pharmacie.tilleuls@pharmacien.mssante.fr',
    'paul.martin@ch-valbrume.mssante.fr', 'helene.rousseau@medecin.mssante.fr', 'cabinet.acacias@medecin.mssante.fr',
    'secretariat.cardiologie@ch-valbrume.mssante.fr', 'dpi@ch-valbrume.mssante.fr', 'coordination@cpts-pays-valbrume.mssante.fr',
    'pharmacie.tilleuls-landes@pharmacien.mssante.fr',
  ]);
});

test('a PER line on a structure and an ORG line, column by column', () => {
  const rows = lines(extractionText(view));
  const martin = rows.find((r) => r[1] === 'paul.martin@ch-valbrume.mssante.fr');
  assert.deepEqual(martin, [
    'PER', 'paul.martin@ch-valbrume.mssante.fr', '8', '99900100035', '899900100035', '1', '1499900033', 'Cardiologie',
    'DR', 'Martin', 'Paul', 'C', 'Civil', '10', 'Médecin', '', '', 'False', 'Centre hospitalier de Valbrume', '', '', '',
    '1', '', 'AV', "de l'Hôpital", '', '49990 VALBRUME', '49990', '49', 'France',
  ]);
  const cpts = rows.find((r) => r[1] === 'coordination@cpts-pays-valbrume.mssante.fr');
  assert.deepEqual(cpts?.slice(0, 8), ['ORG', 'coordination@cpts-pays-valbrume.mssante.fr', '', '', '', '3', '399900008000013', 'Coordination']);
  assert.deepEqual(cpts?.slice(8, 17), ['', '', '', '', '', '', '', '', '']);
});

test('a `|` or a line break inside a value cannot break the format', () => {
  const hostile = { ...data, mailboxes: data.mailboxes.map((m) => (m.address === 'dpi@ch-valbrume.mssante.fr' ? { ...m, service: 'DSI | pôle\r\nnumérique' } : m)) };
  const rows = lines(extractionText(createTrustSpaceView(hostile)));
  const dpi = rows.find((r) => r[1] === 'dpi@ch-valbrume.mssante.fr');
  assert.equal(dpi?.length, 31);
  assert.equal(dpi?.[7], 'DSI   pôle  numérique');
});

test('zipped as Extraction_Correspondance_MSSante_AAAAMMJJhhmm.txt (Paris time), served with that name', async () => {
  assert.equal(parisStamp(new Date('2025-03-13T14:05:00Z')), '202503131505');
  assert.equal(parisStamp(new Date('2025-07-01T22:30:00Z')), '202507020030');
  const archive = extractionArchive(view, new Date('2025-03-13T14:05:00Z'));
  assert.equal(archive.entryName, 'Extraction_Correspondance_MSSante_202503131505.txt');
  const files = unzipSync(archive.zip);
  assert.deepEqual(Object.keys(files), [archive.entryName]);
  assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(files[archive.entryName]), extractionText(view));
  const kit = directoryKit(data);
  const response = await kit.raw('/annuaire-sante-webservices/V300/services/extraction/Extraction_Correspondance_MSSante');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/zip');
  assert.equal(response.headers.get('content-disposition'), 'attachment; filename="Extraction_Correspondance_MSSante_202503131500.zip"');
  assert.deepEqual(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer()))), ['Extraction_Correspondance_MSSante_202503131500.txt']);
});
