import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { MalformedCatalogError, readCatalogSheet, type CatalogSheetResult } from '@zwgk/domain';

/** Reads a published catalog saved as CSV (UTF-8, with or without BOM) into catalog items. */
export function readCatalogCsv(text: string, fileName: string): CatalogSheetResult {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relaxColumnCount: true, skipEmptyLines: false }) as string[][];
  } catch (error) {
    throw new MalformedCatalogError(fileName, `not a readable CSV file (${error instanceof Error ? error.message : String(error)})`);
  }
  return readCatalogSheet(fileName, rows);
}

export function readCatalogCsvFile(file: string): CatalogSheetResult {
  return readCatalogCsv(readFileSync(file, 'utf8'), path.basename(file));
}
