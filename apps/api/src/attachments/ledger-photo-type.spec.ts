import { checkLedgerPhoto, sniffLedgerPhoto } from './ledger-photo-type';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('ledger photo formats', () => {
  it('reads JPEG, PNG and WebP from their bytes, whatever the name says', () => {
    expect(sniffLedgerPhoto(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))?.mediaType).toBe('image/jpeg');
    expect(sniffLedgerPhoto(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))?.mediaType).toBe('image/png');
    expect(sniffLedgerPhoto(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))?.mediaType).toBe('image/webp');
    expect(checkLedgerPhoto('IMG_0001', bytes([0xff, 0xd8, 0xff, 0xe1]))).toEqual({ ok: true, kind: expect.objectContaining({ mediaType: 'image/jpeg' }), fileName: 'IMG_0001' });
  });

  it('refuses a PDF named .jpg, a RIFF that is not WebP, an empty file and HEIC, in Chinese', () => {
    expect(checkLedgerPhoto('公告.jpg', bytes('%PDF-1.7'))).toEqual({ ok: false, problem: expect.stringContaining('只能上传 JPEG、PNG 或 WebP') });
    expect(checkLedgerPhoto('声音.webp', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toMatchObject({ ok: false });
    expect(checkLedgerPhoto('空.png', Buffer.alloc(0))).toEqual({ ok: false, problem: '照片文件是空的' });
    expect(checkLedgerPhoto('IMG_0002.HEIC', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toEqual({ ok: false, problem: expect.stringContaining('HEIC') });
  });

  it('keeps a safe name: no folders, and one made up when none is left', () => {
    expect(checkLedgerPhoto('C:\\照片\\公示栏.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatchObject({ fileName: '公示栏.png' });
    expect(checkLedgerPhoto('', bytes([0xff, 0xd8, 0xff]))).toMatchObject({ fileName: '照片.jpg' });
  });
});
