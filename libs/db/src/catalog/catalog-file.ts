import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import { hasCatalogHeader, MalformedCatalogError, readCatalogSheet, type CatalogSheetResult } from '@zwgk/domain';

/** A catalog file as uploaded or read from disk. */
export interface CatalogFile {
  readonly name: string;
  readonly content: Buffer;
}

/** One catalog sheet of a file; `sheet` names the worksheet of a workbook that has more than one. */
export interface CatalogSheetRead extends CatalogSheetResult {
  readonly sheet?: string;
}

/**
 * Every catalog in a file: one per worksheet that has a catalog header, and the worksheets that have
 * none (a 说明 sheet, an empty sheet), named with the reason, so nothing is dropped unseen.
 */
export interface CatalogFileResult {
  readonly sheets: readonly CatalogSheetRead[];
  readonly skippedSheets: readonly { readonly sheet: string; readonly reason: string }[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The text a spreadsheet cell shows: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
export function cellText(value: CellValue): string {
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

/** Reads every worksheet of an .xlsx into rows of cell text, in workbook order. Merged cells repeat their master's text. */
async function readXlsxSheets(file: CatalogFile): Promise<{ name: string; rows: string[][] }[]> {
  if (!file.content.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new MalformedCatalogError(file.name, '不是 .xlsx 电子表格（文件不是 zip 压缩包格式）');
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
  } catch (error) {
    throw new MalformedCatalogError(file.name, `无法读取该 .xlsx 电子表格（${error instanceof Error ? error.message : String(error)}）`);
  }
  if (workbook.worksheets.length === 0) throw new MalformedCatalogError(file.name, '工作簿中没有工作表');
  return workbook.worksheets.map((sheet) => {
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
    return { name: sheet.name, rows };
  });
}

/**
 * Reads each worksheet as a catalog of its own, found by its own title row and header. A worksheet with
 * no catalog header is listed as skipped; one with a header that does not read (no area in the title,
 * a missing column, no rows) refuses the whole file, as a bad CSV does. Warnings and item sources name
 * the worksheet when the workbook has more than one: row numbers are per worksheet.
 */
async function readXlsxCatalogs(file: CatalogFile): Promise<CatalogFileResult> {
  const worksheets = await readXlsxSheets(file);
  const sheets: CatalogSheetRead[] = [];
  const skippedSheets: { sheet: string; reason: string }[] = [];
  for (const worksheet of worksheets) {
    const source = worksheets.length > 1 ? `${file.name}（工作表 ${worksheet.name}）` : file.name;
    if (!hasCatalogHeader(worksheet.rows)) {
      const empty = !worksheet.rows.some((row) => row.some((cell) => cell !== ''));
      skippedSheets.push({ sheet: worksheet.name, reason: empty ? '工作表是空的' : '未找到含“序号”的表头行' });
      continue;
    }
    sheets.push({ ...readCatalogSheet(source, worksheet.rows), ...(worksheets.length > 1 ? { sheet: worksheet.name } : {}) });
  }
  if (sheets.length === 0) {
    const names = skippedSheets.map((skipped) => `“${skipped.sheet}”（${skipped.reason}）`).join('、');
    throw new MalformedCatalogError(file.name, `没有一个工作表是公开事项目录：${names}`);
  }
  return { sheets, skippedSheets };
}

function readCsvRows(file: CatalogFile): string[][] {
  if (file.content.includes(0)) throw new MalformedCatalogError(file.name, '不是文本格式的 CSV 文件（含有二进制数据）');
  try {
    return parse(file.content.toString('utf8').replace(/^\uFEFF/, ''), { relaxColumnCount: true, skipEmptyLines: false }) as string[][];
  } catch (error) {
    throw new MalformedCatalogError(file.name, `无法读取该 CSV 文件（${error instanceof Error ? error.message : String(error)}）`);
  }
}

/**
 * Reads a published catalog from .xlsx (every worksheet) or .csv (UTF-8, with or without BOM) into
 * catalog items, one result per catalog sheet.
 */
export async function readCatalogFile(file: CatalogFile): Promise<CatalogFileResult> {
  const extension = path.extname(file.name).toLowerCase();
  if (file.content.length === 0) throw new MalformedCatalogError(file.name, '文件是空的');
  if (extension === '.xlsx') return readXlsxCatalogs(file);
  if (extension === '.csv') return { sheets: [readCatalogSheet(file.name, readCsvRows(file))], skippedSheets: [] };
  throw new MalformedCatalogError(file.name, `不支持的文件类型“${extension || '（无扩展名）'}”：请上传 .xlsx 或 .csv 文件`);
}

export function readCatalogCsv(text: string, fileName: string): CatalogSheetResult {
  return readCatalogSheet(fileName, readCsvRows({ name: fileName, content: Buffer.from(text, 'utf8') }));
}

export function readCatalogCsvFile(file: string): CatalogSheetResult {
  return readCatalogCsv(readFileSync(file, 'utf8'), path.basename(file));
}
