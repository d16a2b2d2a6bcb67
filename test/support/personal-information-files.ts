/**
 * PDFs for the personal-information guard: text PDFs of many pages and lines (the 50-page scan, a phone
 * number on page 2), and a "scan": pages that carry only an image, no text layer.
 */
function assemble(objects: string[]): Buffer {
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Pages of Helvetica text, one string per line (ASCII: the standard fonts carry no Chinese glyphs). */
export function buildTextPdf(pages: readonly (readonly string[])[]): Buffer {
  // 1 catalog, 2 pages, 3 font, then per page: the page and its content stream.
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const lines of pages) {
    const pageNumber = objects.length + 1;
    kids.push(`${pageNumber} 0 R`);
    const stream = lines.map((line, index) => `BT /F1 11 Tf 56 ${790 - index * 14} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageNumber + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  return assemble(objects);
}

/** A scanned document: each page shows a grey image and has no text at all. */
export function buildScannedPdf(pageCount: number): Buffer {
  const pixels = '\x80'.repeat(16 * 16);
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', `<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`];
  const kids: string[] = [];
  for (let page = 0; page < pageCount; page++) {
    const pageNumber = objects.length + 1;
    kids.push(`${pageNumber} 0 R`);
    const stream = 'q 480 0 0 700 56 70 cm /Im1 Do Q';
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageNumber + 1} 0 R /Resources << /XObject << /Im1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pageCount} >>`;
  return assemble(objects);
}
