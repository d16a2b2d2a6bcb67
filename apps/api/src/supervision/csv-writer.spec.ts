import { toCsv } from './csv-writer';

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends, and quotes only the fields that need it', () => {
    const csv = toCsv(['标题', 'n'], [['a,b', 1], ['say "hi"', null], ['two\nlines', 2.5], ['plain', 0]]);
    expect(csv).toBe('\uFEFF标题,n\r\n"a,b",1\r\n"say ""hi""",\r\n"two\nlines",2.5\r\nplain,0\r\n');
  });
});
