import { Workbook, type Worksheet } from 'exceljs';

/** One worksheet in the published catalog layout. */
export interface CatalogSheetOptions {
  /** The worksheet's name (default 目录). */
  name?: string;
  title: string;
  /** Top header row; '' continues the merged cell to its left. */
  header: string[];
  subHeader: string[];
  rows: string[][];
  /** Extra merges, e.g. ['B4:B5'] for a 一级事项 spanning two rows. */
  merges?: string[];
}

function addCatalogSheet(workbook: Workbook, options: CatalogSheetOptions): Worksheet {
  const sheet = workbook.addWorksheet(options.name ?? '目录');
  const width = options.header.length;
  sheet.addRow([options.title]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow(options.header);
  sheet.addRow(options.subHeader);
  // Merge header cells the way published catalogs do: a label over blank neighbours, or over the sub-header.
  for (let col = 1; col <= width; col++) {
    if (!options.header[col - 1]) continue;
    let end = col;
    while (end < width && options.header[end] === '') end++;
    if (end > col) sheet.mergeCells(2, col, 2, end);
    else if (!options.subHeader[col - 1]) sheet.mergeCells(2, col, 3, col);
  }
  for (const row of options.rows) sheet.addRow(row);
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  return sheet;
}

/** Builds an .xlsx in the published catalog layout: a merged title row, a two-row merged header, rows. */
export async function catalogWorkbook(options: CatalogSheetOptions): Promise<Buffer> {
  return catalogWorkbookOfSheets([options]);
}

/**
 * A workbook with a catalog per worksheet (one sheet per area, as counties publish them), and other
 * worksheets given as plain rows (a 说明 sheet, an empty one), in the order given.
 */
export async function catalogWorkbookOfSheets(sheets: (CatalogSheetOptions | { name: string; plainRows: string[][] })[]): Promise<Buffer> {
  const workbook = new Workbook();
  for (const sheet of sheets) {
    if ('plainRows' in sheet) {
      const plain = workbook.addWorksheet(sheet.name);
      for (const row of sheet.plainRows) plain.addRow(row);
    } else {
      addCatalogSheet(workbook, sheet);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The 14-column layout of the sample catalogs. */
export const STANDARD_HEADER = ['序号', '公开事项', '', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''];
export const STANDARD_SUB_HEADER = ['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级'];
