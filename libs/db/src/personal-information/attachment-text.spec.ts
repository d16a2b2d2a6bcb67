import { layoutPage, pdfTextStatus } from './attachment-text';

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
