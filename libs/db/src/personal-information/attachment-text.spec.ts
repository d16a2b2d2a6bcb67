import { Workbook } from 'exceljs';
import { scanDisclosureContent } from '@zwgk/domain';
import { extractAttachmentText, layoutPage, pdfTextStatus } from './attachment-text';

describe('layoutPage', () => {
  it('puts pieces on their printed lines, top first, and table cells apart by tabs', () => {
    const piece = (str: string, x: number, y: number, width = str.length * 6) => ({ str, x, y, width, fontSize: 11 });
    // Drawing order is not reading order: the second row comes first, and a cell of the first row last.
    const text = layoutPage([
      piece('李四', 56, 760), piece('13800138000', 200, 760.5),
      piece('张三', 56, 774), piece('13857112345', 200, 774), piece(' ', 300, 774),
      piece('2026', 56, 788), piece('年名单', 80.2, 788),
    ]);
    expect(text).toBe('2026年名单\n张三\t13857112345\n李四\t13800138000');
  });
});

describe('pdfTextStatus', () => {
  it('calls a PDF whose pages are mostly without text a scan', () => {
    expect(pdfTextStatus(['正文第一页', '第二页'])).toBe('text');
    expect(pdfTextStatus(['封面', ' ', ''])).toBe('no-text-layer');
    expect(pdfTextStatus(['正文第一页', ''])).toBe('text'); // half: a blank back page
    expect(pdfTextStatus([])).toBe('unreadable');
  });
});

describe('spreadsheet attachments', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('reads each sheet of an .xlsx as a page named by the sheet, rows as lines and cells apart by tabs', async () => {
    const workbook = new Workbook();
    const notice = workbook.addWorksheet('说明');
    notice.addRow(['2026年特殊困难学生资助名单公示']);
    const list = workbook.addWorksheet('公示名单');
    list.addRow(['序号', '姓名', '身份证号', '联系电话']);
    list.addRow([1, '张建国', '330106198503120415', { formula: '"138"&"57112345"', result: '13857112345' }]);
    const read = await extractAttachmentText(XLSX, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read).toEqual({ status: 'text', pages: ['2026年特殊困难学生资助名单公示', '序号\t姓名\t身份证号\t联系电话\n1\t张建国\t330106198503120415\t13857112345'], pageNames: ['说明', '公示名单'] });

    const found = scanDisclosureContent({ title: '资助名单', body: '见附件。' }, [{ attachmentId: 'a', fileName: '名单.xlsx', pages: read.pages }]);
    expect(found.map((finding) => [finding.kind, finding.location.field === 'attachment' ? finding.location.page : null, finding.maskedPreview])).toEqual(
      expect.arrayContaining([
        ['id-card', 2, '3301**********0415'],
        ['mobile', 2, '138****2345'],
      ]),
    );
  });

  it('reads a .csv in UTF-8 or in the GB18030 that Excel on Chinese Windows writes, and calls a broken .xlsx unreadable', async () => {
    const rows = '姓名,身份证号\r\n"张建国",330106198503120415\r\n';
    expect(await extractAttachmentText('text/csv', Buffer.from(`\uFEFF${rows}`, 'utf8'))).toEqual({ status: 'text', pages: ['姓名\t身份证号\n张建国\t330106198503120415'] });
    // "姓名" in GB18030 (D0D5 C3FB), then ASCII.
    const gbk = Buffer.concat([Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(',id\r\nx,330106198503120415\r\n', 'latin1')]);
    expect((await extractAttachmentText('text/csv', gbk)).pages).toEqual(['姓名\tid\nx\t330106198503120415']);
    expect(await extractAttachmentText(XLSX, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ status: 'unreadable', pages: [] });
  });
});
