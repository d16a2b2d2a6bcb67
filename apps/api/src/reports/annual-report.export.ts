import { Workbook, type Worksheet } from 'exceljs';
import type { AnnualReport, Figure } from './annual-report.service';

/** Exports of the annual report, laid out like the official tables (国办公开办函〔2021〕30号). */

const show = (figure: Figure): string | number => figure.value ?? '';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function boxed(sheet: Worksheet, fromRow: number, toRow: number, columns: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = border;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }
  }
}

export async function annualReportXlsx(report: AnnualReport): Promise<Buffer> {
  const { sections } = report;
  const workbook = new Workbook();
  workbook.created = new Date(report.generatedAt);
  const sheet = workbook.addWorksheet('年度报告');
  sheet.columns = [{ width: 34 }, { width: 26 }, ...Array.from({ length: 13 }, () => ({ width: 11 }))];
  const title = sheet.addRow([report.title]);
  title.font = { bold: true, size: 16 };
  sheet.mergeCells(title.number, 1, title.number, 9);
  const text = (heading: string, body: string | null) => {
    sheet.addRow([]);
    sheet.addRow([heading]).font = { bold: true };
    const row = sheet.addRow([body ?? '']);
    sheet.mergeCells(row.number, 1, row.number, 9);
    row.alignment = { wrapText: true, vertical: 'top' };
  };
  text(sections.overview.title, sections.overview.text);

  // 二: the documents table, then one small table per kind of decision.
  sheet.addRow([]);
  sheet.addRow([sections.activeDisclosure.title]).font = { bold: true };
  const docsHeader = sheet.addRow(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
  for (const row of sections.activeDisclosure.documents) sheet.addRow([row.label, show(row.issued), show(row.repealed), show(row.inForce)]);
  boxed(sheet, docsHeader.number, docsHeader.number + sections.activeDisclosure.documents.length, 4);
  for (const decision of sections.activeDisclosure.decisions) {
    const header = sheet.addRow(['信息内容', decision.measure]);
    sheet.addRow([decision.label, show(decision.figure)]);
    boxed(sheet, header.number, header.number + 1, 2);
  }

  // 三: a two-row header (申请人情况 → 法人或其他组织 → its five kinds), then every row of the table.
  sheet.addRow([]);
  sheet.addRow([sections.applications.title]).font = { bold: true };
  const { columns, rows } = sections.applications;
  const top = sheet.addRow(['', '', '申请人情况']);
  sheet.mergeCells(top.number, 3, top.number, 2 + columns.length);
  const groupRow = sheet.addRow(['', '', ...columns.map((column) => (column.group ?? column.label))]);
  const labelRow = sheet.addRow(['', '', ...columns.map((column) => column.label)]);
  sheet.mergeCells(top.number, 1, labelRow.number, 2);
  sheet.mergeCells(groupRow.number, 3, labelRow.number, 3); // 自然人
  sheet.mergeCells(groupRow.number, 4, groupRow.number, 8); // 法人或其他组织
  sheet.mergeCells(groupRow.number, 9, labelRow.number, 9); // 总计
  for (const row of rows) {
    sheet.addRow([row.group ?? row.label, row.group ? row.label : '', ...columns.slice(0, -1).map((column) => show(row.cells[column.key])), show(row.total)]);
  }
  const last = labelRow.number + rows.length;
  for (let r = labelRow.number + 1; r <= last; r++) if (!sheet.getCell(r, 2).value) sheet.mergeCells(r, 1, r, 2);
  boxed(sheet, top.number, last, 9);

  // 四: 行政复议 ×5 | 行政诉讼 (未经复议直接起诉 ×5, 复议后起诉 ×5).
  sheet.addRow([]);
  sheet.addRow([sections.reviewLitigation.title]).font = { bold: true };
  const { groups } = sections.reviewLitigation;
  const first = sheet.addRow(['行政复议', '', '', '', '', '行政诉讼']);
  sheet.mergeCells(first.number, 1, first.number + 1, 5);
  sheet.mergeCells(first.number, 6, first.number, 15);
  const second = sheet.addRow(['', '', '', '', '', groups[1].label, '', '', '', '', groups[2].label]);
  sheet.mergeCells(second.number, 6, second.number, 10);
  sheet.mergeCells(second.number, 11, second.number, 15);
  sheet.addRow(groups.flatMap((group) => group.cells.map((cell) => cell.label)));
  sheet.addRow(groups.flatMap((group) => group.cells.map((cell) => cell.value ?? '')));
  boxed(sheet, first.number, first.number + 3, 15);

  text(sections.problems.title, sections.problems.text);
  text(sections.otherMatters.title, sections.otherMatters.text);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const cell = (figure: Figure) => `<td>${escapeHtml(figure.value ?? '')}</td>`;
const paragraphs = (text: string | null) => (text ? text.split(/\r?\n/).filter(Boolean).map((line) => `<p>${escapeHtml(line)}</p>`).join('') : '<p class="empty">（未填写）</p>');

/** A printable page: A4, 仿宋 body and 宋体 tables with fallbacks, bordered tables; every text is escaped. */
export function annualReportHtml(report: AnnualReport): string {
  const { sections } = report;
  const { columns, rows } = sections.applications;
  const applicationRows = rows
    .map((row) => {
      const head = row.group ? `<th>${escapeHtml(row.group)}</th><th>${escapeHtml(row.label)}</th>` : `<th colspan="2">${escapeHtml(row.label)}</th>`;
      return `<tr>${head}${columns.slice(0, -1).map((column) => cell(row.cells[column.key])).join('')}${cell(row.total)}</tr>`;
    })
    .join('\n');
  const { groups } = sections.reviewLitigation;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC", serif; font-size: 16px; line-height: 1.8; }
h1 { font-family: "SimSun", "宋体", "Songti SC", serif; text-align: center; font-size: 22px; }
h2 { font-size: 17px; font-family: "SimHei", "黑体", sans-serif; }
table { border-collapse: collapse; width: 100%; font-family: "SimSun", "宋体", "Songti SC", serif; font-size: 12px; page-break-inside: avoid; margin: 8px 0; }
th, td { border: 1px solid #000; padding: 3px 4px; text-align: center; }
th { font-weight: normal; }
.empty { color: #666; }
.due { font-size: 12px; color: #333; }
</style></head><body>
<h1>${escapeHtml(report.title)}</h1>
<p class="due">报告发布时限：${escapeHtml(report.dueAt)}${report.overdue ? '（已逾期）' : ''}</p>
<h2>${escapeHtml(sections.overview.title)}</h2>
${paragraphs(sections.overview.text)}
<h2>${escapeHtml(sections.activeDisclosure.title)}</h2>
<table><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>
${sections.activeDisclosure.documents.map((row) => `<tr><th>${escapeHtml(row.label)}</th>${cell(row.issued)}${cell(row.repealed)}${cell(row.inForce)}</tr>`).join('\n')}
</table>
${sections.activeDisclosure.decisions.map((row) => `<table><tr><th>信息内容</th><th>${escapeHtml(row.measure)}</th></tr><tr><th>${escapeHtml(row.label)}</th>${cell(row.figure)}</tr></table>`).join('\n')}
<h2>${escapeHtml(sections.applications.title)}</h2>
<table>
<tr><th colspan="2" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="${columns.length}">申请人情况</th></tr>
<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
<tr>${columns.slice(1, -1).map((column) => `<th>${escapeHtml(column.label)}</th>`).join('')}</tr>
${applicationRows}
</table>
<h2>${escapeHtml(sections.reviewLitigation.title)}</h2>
<table>
<tr><th colspan="5" rowspan="2">${escapeHtml(groups[0].label)}</th><th colspan="10">行政诉讼</th></tr>
<tr><th colspan="5">${escapeHtml(groups[1].label)}</th><th colspan="5">${escapeHtml(groups[2].label)}</th></tr>
<tr>${groups.flatMap((group) => group.cells.map((c) => `<th>${escapeHtml(c.label)}</th>`)).join('')}</tr>
<tr>${groups.flatMap((group) => group.cells.map((c) => `<td>${escapeHtml(c.value ?? '')}</td>`)).join('')}</tr>
</table>
<h2>${escapeHtml(sections.problems.title)}</h2>
${paragraphs(sections.problems.text)}
<h2>${escapeHtml(sections.otherMatters.title)}</h2>
${paragraphs(sections.otherMatters.text)}
</body></html>
`;
}
