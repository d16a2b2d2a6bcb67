import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { MalformedCatalogError, readCatalogSheet, type CatalogSheetResult } from '@zwgk/domain';

/** A catalog file as uploaded or read from disk. */
export interface CatalogFile {
  readonly name: string;
  readonly content: Buffer;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The text a spreadsheet cell shows: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ('text' in value) return String((value as { text: unknown }).text);
  if ('error' in value) return '';
  return String(value);
}

/** Reads the first worksheet of an .xlsx into rows of cell text. Merged cells repeat their master's text. */
async function readXlsxRows(file: CatalogFile): Promise<string[][]> {
  if (!file.content.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new MalformedCatalogError(file.name, 'not an .xlsx spreadsheet (the file is not a zip package)');
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
  } catch (error) {
    throw new MalformedCatalogError(file.name, `not a readable .xlsx spreadsheet (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new MalformedCatalogError(file.name, 'the workbook has no worksheet');
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.isMerged ? cell.master.value : cell.value).trim());
    }
    rows.push(cells);
  }
  return rows;
}

function readCsvRows(file: CatalogFile): string[][] {
  if (file.content.includes(0)) throw new MalformedCatalogError(file.name, 'not a text CSV file (it contains binary data)');
  try {
    return parse(file.content.toString('utf8').replace(/^\uFEFF/, ''), { relaxColumnCount: true, skipEmptyLines: false }) as string[][];
  } catch (error) {
    throw new MalformedCatalogError(file.name, `not a readable CSV file (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads a published catalog from .xlsx or .csv (UTF-8, with or without BOM) into catalog items. */
export async function readCatalogFile(file: CatalogFile): Promise<CatalogSheetResult> {
  const extension = path.extname(file.name).toLowerCase();
  if (file.content.length === 0) throw new MalformedCatalogError(file.name, 'the file is empty');
  let rows: string[][];
  if (extension === '.xlsx') rows = await readXlsxRows(file);
  else if (extension === '.csv') rows = readCsvRows(file);
  else throw new MalformedCatalogError(file.name, `unsupported file type "${extension || '(none)'}": upload .xlsx or .csv`);
  return readCatalogSheet(file.name, rows);
}

export function readCatalogCsv(text: string, fileName: string): CatalogSheetResult {
  return readCatalogSheet(fileName, readCsvRows({ name: fileName, content: Buffer.from(text, 'utf8') }));
}

export function readCatalogCsvFile(file: string): CatalogSheetResult {
  return readCatalogCsv(readFileSync(file, 'utf8'), path.basename(file));
}
