// A one-page PDF (ISO 32000-1) written from lines of text: Helvetica 11 pt, WinAnsiEncoding,
// a correct cross-reference table. Enough for the synthetic documents of a patient's profile
// (a prescription, a result) to travel as real `application/pdf` attachments that any viewer opens.

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const FONT_SIZE = 11;
const LEADING = 15;

/** Characters of WinAnsiEncoding outside Latin-1 (PDF 32000-1 Annex D.2). */
const WIN_ANSI_EXTRA: Readonly<Record<string, number>> = {
  '\u20ac': 0x80, '\u201a': 0x82, '\u2026': 0x85, '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93,
  '\u201d': 0x94, '\u2022': 0x95, '\u2013': 0x96, '\u2014': 0x97, '\u0153': 0x9c, '\u0152': 0x8c,
};

/** A PDF string literal's bytes: WinAnsi, with `\`, `(` and `)` escaped; unknown characters become `?`. */
function pdfString(text: string): Buffer {
  const bytes: number[] = [0x28];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const byte = WIN_ANSI_EXTRA[char] ?? (code >= 0x20 && code <= 0xff && (code < 0x7f || code >= 0xa0) ? code : 0x3f);
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) bytes.push(0x5c);
    bytes.push(byte);
  }
  bytes.push(0x29);
  return Buffer.from(bytes);
}

function pageContent(lines: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`BT /F1 ${FONT_SIZE} Tf ${LEADING} TL ${MARGIN} ${PAGE_HEIGHT - MARGIN} Td\n`, 'latin1')];
  for (const line of lines) parts.push(pdfString(line), Buffer.from(" Tj T*\n", 'latin1'));
  parts.push(Buffer.from('ET\n', 'latin1'));
  return Buffer.concat(parts);
}

/** The PDF bytes of one page showing `lines` from the top, with `title` in the document information. */
export function syntheticPdf(title: string, lines: readonly string[]): Buffer {
  const content = pageContent(lines);
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`, 'latin1'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', 'latin1'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('endstream', 'latin1')]),
    Buffer.concat([Buffer.from('<< /Title ', 'latin1'), pdfString(title), Buffer.from(' /Producer (Simulateur MSSante) >>', 'latin1')]),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
