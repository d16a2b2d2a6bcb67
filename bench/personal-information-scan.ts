/**
 * How long the personal-information guard takes on a 50-page PDF: text extraction (pdf.js through unpdf,
 * page by page, laid out into lines and cells) and the detector over every page. The upload waits for it.
 *
 * Run: node -r @swc-node/register bench/personal-information-scan.ts   (PAGES and RUNS override the defaults)
 */
import { extractAttachmentText } from '../libs/db/src/personal-information/attachment-text';
import { scanDisclosureContent } from '../libs/domain/src';
import { idCardCheckCharacter } from '../libs/domain/src/personal-information/check-digits';
import { buildTextPdf } from '../test/support/personal-information-files';

const PAGES = Number(process.env.PAGES ?? 50);
const RUNS = Number(process.env.RUNS ?? 7);
const LINES_PER_PAGE = 50;

/** A 补贴名单 as many counties publish it: 50 rows a page, every tenth with a mobile and a real-looking ID number. */
function page(pageIndex: number): string[] {
  return Array.from({ length: LINES_PER_PAGE }, (_, line) => {
    const row = pageIndex * LINES_PER_PAGE + line;
    if (line === 0) return 'No.    Name    Village    Area (mu)    Amount (yuan)    Date';
    if (line % 10 !== 0) return `${row}    Household ${row}    Village ${row % 17}    ${(row % 9) + 1}.5    ${((row % 9) + 1) * 121.5}    2026-04-15`;
    const body = `3301061985${String((row % 12) + 1).padStart(2, '0')}${String((row % 28) + 1).padStart(2, '0')}${String(row % 1000).padStart(3, '0')}`;
    return `${row}    Household ${row}    ${body}${idCardCheckCharacter(body)}    138${String(row).padStart(8, '0')}    ${row % 9}.0`;
  });
}

async function main(): Promise<void> {
  const pdf = buildTextPdf(Array.from({ length: PAGES }, (_, index) => page(index)));
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < RUNS + 1; run++) {
    const started = process.hrtime.bigint();
    const text = await extractAttachmentText('application/pdf', pdf);
    findings = scanDisclosureContent({ title: '', body: '' }, [{ attachmentId: 'bench', fileName: 'bench.pdf', pages: text.pages }]).length;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run > 0) times.push(ms); // the first run loads pdf.js
    else console.log(`first run (loads pdf.js): ${ms.toFixed(0)} ms, ${text.pages.length} pages, status ${text.status}`);
  }
  times.sort((a, b) => a - b);
  console.log(`${PAGES}-page PDF (${(pdf.length / 1024).toFixed(0)} KB, ${PAGES * LINES_PER_PAGE} lines), ${findings} findings: p50 ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms over ${RUNS} runs`);
}

void main();
