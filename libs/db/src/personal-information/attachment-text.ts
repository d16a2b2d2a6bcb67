import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { cellText } from '../catalog/catalog-file';
import { rescanItemFindings, storeAttachmentText, type AttachmentTextStatus, type FindingsSqlRunner } from './findings-store';

/** One piece of text on a PDF page as pdf.js places it (PDF space: y grows upwards). */
export interface PlacedText {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
}

export interface AttachmentText {
  readonly status: AttachmentTextStatus;
  /** The text of each page (a spreadsheet's sheet is a page), first first; empty unless status is 'text'. */
  readonly pages: string[];
  /** A spreadsheet's sheet names, one per page: the place a finding is shown at ("工作表「名单」"). */
  readonly pageNames?: string[];
}

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows of cells as the detector reads a table: one line per row, cells apart by tabs, empty rows left out. */
function tableText(rows: readonly (readonly string[])[]): string {
  return rows
    .map((cells) => cells.map((cell) => cell.replace(/[\t\r\n]+/g, ' ').trim()).join('\t').replace(/\t+$/, ''))
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Each worksheet of an .xlsx as a page of text (cells as shown: formulas by their result), named by the sheet. */
export async function readWorkbookText(content: Uint8Array): Promise<AttachmentText> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    });
    return { name: sheet.name, text: tableText(rows) };
  });
  return { status: 'text', pages: sheets.map((sheet) => sheet.text), pageNames: sheets.map((sheet) => sheet.name) };
}

/**
 * A .csv as one page of text. Excel on Chinese Windows saves CSV in GB18030 (GBK) unless told otherwise:
 * bytes that are not UTF-8 are read as GB18030, so the numbers and names in it are still found.
 */
export function readCsvText(content: Uint8Array): AttachmentText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    text = new TextDecoder('gb18030').decode(content);
  }
  const rows = parse(text.replace(/^\uFEFF/, ''), { relaxColumnCount: true, relaxQuotes: true, skipEmptyLines: true }) as string[][];
  return { status: 'text', pages: [tableText(rows)] };
}

/**
 * A page's text in reading order, one line per printed line, cells of a table apart by tabs: the detector
 * tells a 补贴名单 row from prose by its cells, and pdf.js hands pieces over in drawing order, not by line.
 */
export function layoutPage(items: readonly PlacedText[]): string {
  const lines: { y: number; tolerance: number; items: PlacedText[] }[] = [];
  for (const item of items) {
    if (!item.str.trim()) continue;
    const line = lines.find((candidate) => Math.abs(candidate.y - item.y) <= candidate.tolerance);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, tolerance: Math.max(2, item.fontSize * 0.4), items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => {
      const sorted = [...line.items].sort((a, b) => a.x - b.x);
      let text = '';
      let end: number | undefined;
      for (const item of sorted) {
        if (end !== undefined) {
          const gap = item.x - end;
          text += gap > Math.max(4, item.fontSize * 0.8) ? '\t' : gap > item.fontSize * 0.15 ? ' ' : '';
        }
        text += item.str;
        end = item.x + item.width;
      }
      return text;
    })
    .join('\n');
}

/** A page with fewer visible characters than this has no text layer worth the name (a scan, a photo). */
const MIN_PAGE_CHARACTERS = 3;

/** Whether a PDF's pages carry text: mostly pages without any is a scan that only a person can check. */
export function pdfTextStatus(pages: readonly string[]): AttachmentTextStatus {
  if (pages.length === 0) return 'unreadable';
  const blank = pages.filter((page) => page.replace(/\s/g, '').length < MIN_PAGE_CHARACTERS).length;
  return blank * 2 > pages.length ? 'no-text-layer' : 'text';
}

/**
 * Reads the text of an attachment for the personal-information scan: a PDF page by page through pdf.js
 * (unpdf's Node build), a spreadsheet sheet by sheet (exceljs, csv-parse: what the catalog import reads), an image not at all (no OCR here: the reviewer looks at it). A file pdf.js cannot
 * open (encrypted, broken) is 'unreadable', never an error: the upload itself stands.
 */
export async function extractAttachmentText(mediaType: string, content: Uint8Array): Promise<AttachmentText> {
  if (mediaType.startsWith('image/')) return { status: 'image', pages: [] };
  if (mediaType === XLSX_MEDIA_TYPE || mediaType === 'text/csv') {
    try {
      return mediaType === 'text/csv' ? readCsvText(content) : await readWorkbookText(content);
    } catch {
      return { status: 'unreadable', pages: [] };
    }
  }
  if (mediaType !== 'application/pdf') return { status: 'unreadable', pages: [] };
  try {
    const { extractTextItems } = await import('unpdf');
    // A copy: pdf.js may take over (detach) the buffer it is given.
    const { items } = await extractTextItems(new Uint8Array(content));
    const pages = items.map((page) => layoutPage(page));
    const status = pdfTextStatus(pages);
    return { status, pages: status === 'text' ? pages : [] };
  } catch {
    return { status: 'unreadable', pages: [] };
  }
}

/**
 * After an upload: reads the text of each attachment not read before (a retried upload reads nothing
 * twice) and rescans the item, so the drafter sees the findings of a file as soon as it is attached.
 */
export async function readAttachmentsAndRescan(
  dataSource: FindingsSqlRunner,
  itemId: string,
  attachments: readonly { readonly id: string; readonly mediaType: string; readonly sha256: string }[],
  contents: readonly { readonly sha256: string; readonly content: Buffer }[],
): Promise<void> {
  const ids = attachments.map((attachment) => attachment.id);
  const read = (await dataSource.query(`SELECT attachment_id FROM attachment_texts WHERE attachment_id = ANY($1::uuid[])`, [ids])) as { attachment_id: string }[];
  for (const attachment of attachments) {
    if (read.some((row) => row.attachment_id === attachment.id)) continue;
    const content = contents.find((candidate) => candidate.sha256 === attachment.sha256)?.content;
    if (!content) continue;
    const text = await extractAttachmentText(attachment.mediaType, content);
    await storeAttachmentText(dataSource, attachment.id, text.status, text.pages, text.pageNames);
  }
  await rescanItemFindings(dataSource, itemId);
}
