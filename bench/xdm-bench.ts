// Benchmark of the XDM checker (SC.MSS/CONF.14, 15, 23–25): a 20 Mo IHE_XDM.ZIP (a CDA carrying
// a 19 MiB PDF in base64) read and checked by readXdmArchive, beside the reference measured in
// the same run: fflate's bare unzipSync of the same bytes (decompression alone, no check).
// Prints the median and the range of N runs of each. Figures, not a test.
//   npm run bench:xdm [-- --runs N]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { readXdmArchive } from '../simulator/services/documents/read-xdm-archive.ts';
import { AT, CAMILLE, sampleDocument } from '../simulator/services/documents/testing/sample-documents.ts';
import { writeXdmArchive } from '../simulator/services/documents/xdm-archive-writer.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(1, Number.parseInt(values.runs ?? '7', 10) || 7);

const document = sampleDocument();
const body = `<component><nonXMLBody><text mediaType="application/pdf" representation="B64">${randomBytes(19 * 1024 * 1024).toString('base64')}</text></nonXMLBody></component>`;
const cda = Buffer.from(document.cda.toString('utf8').replace(/<component><structuredBody>[\s\S]*<\/structuredBody><\/component>/, body), 'utf8');
const zip = writeXdmArchive({ documents: [{ ...document, cda }], authorAddress: CAMILLE.address, submissionTime: AT }).zip;

function timed(work: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const line = (label: string, times: number[]) => `${label} : médiane ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms (de ${times[0]?.toFixed(0)} à ${times.at(-1)?.toFixed(0)} ms, ${runs} passages)`;
const reference = timed(() => unzipSync(zip));
const checker = timed(() => {
  const reading = readXdmArchive(zip);
  if (reading.findings.length > 0) throw new Error(`unexpected findings: ${JSON.stringify(reading.findings)}`);
});
console.log(`Archive IHE_XDM.ZIP de ${(zip.length / 1e6).toFixed(1)} Mo.`);
console.log(line('Référence, décompression seule (fflate unzipSync)', reference));
console.log(line('Lecture et contrôle XDM (readXdmArchive)', checker));
console.log(`Rapport : ${((checker[Math.floor(runs / 2)] ?? 0) / (reference[Math.floor(runs / 2)] ?? 1)).toFixed(2)} × la décompression seule.`);
