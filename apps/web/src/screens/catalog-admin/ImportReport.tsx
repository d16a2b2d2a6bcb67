import { Button, Table, Tag } from 'tdesign-react';
import { skippedSheetText, warningText } from './catalog-words';
import type { ImportedFile, ImportWarning, ManualRule } from './catalog-types';

interface ReportLike {
  itemCount: number;
  files: ImportedFile[];
  warnings: ImportWarning[];
  manualRules?: ManualRule[];
}

/** What an import read: rows per file and sheet, sheets passed over, and the problems to check, by file, row and column. */
export function ImportReport({ report, onOpen }: { report: ReportLike; onOpen?: () => void }) {
  const sheets = report.files.flatMap((file) => [
    ...file.sheets.map((sheet) => ({ key: `${file.name}|${sheet.sheet ?? ''}`, file: file.name, sheet: sheet.sheet ?? '（整个文件）', area: sheet.area, rows: sheet.itemCount, problems: sheet.warningCount, skipped: '' })),
    ...file.skippedSheets.map((sheet) => ({ key: `${file.name}|${sheet.sheet}|skipped`, file: file.name, sheet: sheet.sheet, area: '—', rows: 0, problems: 0, skipped: skippedSheetText(sheet.reason) })),
  ]);
  return (
    <div className="import-report" role="status">
      <h3>导入报告</h3>
      <p className="report-summary">
        共读取 <strong>{report.itemCount}</strong> 行目录事项，来自 {report.files.length} 个文件、{sheets.filter((sheet) => !sheet.skipped).length} 个工作表；
        {report.warnings.length ? <Tag theme="warning">{report.warnings.length} 个问题待核对</Tag> : <Tag theme="success">未发现问题</Tag>}
        {report.manualRules?.length ? <Tag theme="danger">{report.manualRules.length} 项公开时限须手工设定</Tag> : null}
      </p>
      <Table
        rowKey="key"
        className="report-sheets"
        data={sheets}
        columns={[
          { colKey: 'file', title: '文件' },
          { colKey: 'sheet', title: '工作表' },
          { colKey: 'area', title: '领域' },
          { colKey: 'rows', title: '读取行数' },
          { colKey: 'problems', title: '问题数' },
          { colKey: 'skipped', title: '说明', cell: ({ row }) => (row.skipped ? `已跳过：${row.skipped}` : '已读取') },
        ]}
      />
      {report.warnings.length ? (
        <>
          <h4>待核对的问题</h4>
          <Table
            rowKey="key"
            className="report-problems"
            data={report.warnings.map((warning, index) => ({ ...warning, key: index }))}
            pagination={{ defaultPageSize: 10, total: report.warnings.length }}
            columns={[
              { colKey: 'file', title: '文件' },
              { colKey: 'row', title: '行号', width: 80 },
              { colKey: 'column', title: '列', cell: ({ row }) => row.column ?? '—' },
              { colKey: 'message', title: '问题', cell: ({ row }) => warningText(row.message) },
            ]}
          />
        </>
      ) : null}
      {onOpen ? (
        <Button theme="primary" variant="outline" onClick={onOpen}>
          查看新版本、对比差异并启用
        </Button>
      ) : null}
    </div>
  );
}
