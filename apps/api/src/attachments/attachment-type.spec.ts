import { checkAttachment, cleanFileName, formatBytes } from './attachment-type';
import { contentDisposition } from './content-disposition';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('attachment types', () => {
  it('accepts PDFs, PNGs and JPEGs whose name, declared type and bytes agree', () => {
    expect(checkAttachment('招生办法.pdf', 'application/pdf', PDF)).toMatchObject({ ok: true, kind: { mediaType: 'application/pdf' } });
    expect(checkAttachment('照片.PNG', 'image/png', PNG)).toMatchObject({ ok: true, kind: { mediaType: 'image/png' } });
    expect(checkAttachment('scan.jpeg', 'image/jpg', JPEG)).toMatchObject({ ok: true, kind: { mediaType: 'image/jpeg' } });
    // A browser that does not know the type says octet-stream: the bytes decide.
    expect(checkAttachment('scan.jpg', 'application/octet-stream', JPEG)).toMatchObject({ ok: true });
  });

  it('refuses a spoofed type, a renamed file, an unsupported type and an empty file, saying why', () => {
    expect(checkAttachment('evil.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 not a pdf'))).toEqual({ ok: false, problem: expect.stringContaining('不是PDF格式') });
    expect(checkAttachment('photo.pdf', 'application/pdf', PNG)).toEqual({ ok: false, problem: expect.stringContaining('文件名表明是PDF，但内容是PNG格式') });
    expect(checkAttachment('photo.png', 'application/pdf', PNG)).toEqual({ ok: false, problem: expect.stringContaining('以 application/pdf 类型上传') });
    expect(checkAttachment('macro.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', PDF)).toEqual({ ok: false, problem: expect.stringContaining('.docx') });
    expect(checkAttachment('anim.gif', 'image/gif', Buffer.from('GIF89a'))).toEqual({ ok: false, problem: expect.stringContaining('只能上传PDF、PNG、JPEG') });
    expect(checkAttachment('empty.pdf', 'application/pdf', Buffer.alloc(0))).toEqual({ ok: false, problem: '文件是空的' });
  });

  it('keeps only the last path segment of a name, without control characters', () => {
    expect(cleanFileName('C:\\Users\\张三\\附件一.pdf')).toBe('附件一.pdf');
    expect(cleanFileName('../../etc/passwd\u0000.png')).toBe('passwd.png');
  });

  it('writes a Content-Disposition that keeps a Chinese name (RFC 5987) with an ASCII stand-in', () => {
    expect(contentDisposition('2026年招生办法(定稿).pdf')).toBe(`attachment; filename="2026_____(__).pdf"; filename*=UTF-8''2026%E5%B9%B4%E6%8B%9B%E7%94%9F%E5%8A%9E%E6%B3%95%28%E5%AE%9A%E7%A8%BF%29.pdf`);
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  it('accepts an .xlsx and a .csv for a 公示 list, and tells a Word file or a binary renamed .csv from one', () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....xl/workbook.xml....', 'latin1')]);
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml....', 'latin1')]);
    const csv = Buffer.from('\uFEFF姓名,身份证号\r\n张三,3301**********0415\r\n', 'utf8');
    expect(checkAttachment('资助名单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx)).toMatchObject({ ok: true, kind: { label: 'XLSX' } });
    expect(checkAttachment('资助名单.xlsx', 'application/octet-stream', xlsx)).toMatchObject({ ok: true });
    expect(checkAttachment('资助名单.csv', 'text/csv', csv)).toMatchObject({ ok: true, kind: { mediaType: 'text/csv' } });
    // Windows with Excel installed says a .csv is an Excel file.
    expect(checkAttachment('资助名单.csv', 'application/vnd.ms-excel', csv)).toMatchObject({ ok: true });
    expect(checkAttachment('资助名单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', docx)).toEqual({ ok: false, problem: '文件内容不是XLSX格式，与文件名不符' });
    expect(checkAttachment('资助名单.csv', 'text/csv', PNG)).toEqual({ ok: false, problem: '文件名表明是CSV，但内容是PNG格式' });
    expect(checkAttachment('资助名单.csv', 'text/csv', Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toEqual({ ok: false, problem: '文件内容不是CSV格式，与文件名不符' });
    expect(checkAttachment('名单.xls', 'application/vnd.ms-excel', PDF)).toEqual({ ok: false, problem: expect.stringContaining('只能上传PDF、PNG、JPEG文件或XLSX、CSV表格（.pdf、.png、.jpg、.jpeg、.xlsx、.csv）') });
  });
});
