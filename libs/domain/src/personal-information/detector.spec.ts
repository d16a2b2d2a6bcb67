import { findOrganisationCodes, findPersonalInformation, maskSpan, scanDisclosureContent } from './detector';
import { releaseBlockedMessage, releaseBlockers } from './release-gate';

describe('findPersonalInformation', () => {
  it('reads full-width digits and keeps the offsets of the text as written', () => {
    const text = '联系人手机：１３８００１３８０００。';
    const [match] = findPersonalInformation(text);
    expect(match).toMatchObject({ kind: 'mobile', value: '１３８００１３８０００', maskedPreview: '138****8000' });
    expect(text.slice(match!.start, match!.end)).toBe('１３８００１３８０００');
  });

  it('leaves dates, amounts, a credit code and an office hotline alone', () => {
    const text = '2026年3月2日至2026年3月6日公示，金额12,460.00元，统一社会信用代码91330100716105852F，咨询电话：0571-87654321。';
    expect(findPersonalInformation(text)).toEqual([]);
    expect(findOrganisationCodes(text).map((code) => code.value)).toEqual(['91330100716105852F']);
  });

  it('does not take a number whose check digit is wrong for an ID number', () => {
    expect(findPersonalInformation('身份证号：330106198503120410')).toEqual([]);
    expect(findPersonalInformation('身份证号：330106198503120415').map((match) => match.kind)).toEqual(['id-card']);
  });
});

describe('scanDisclosureContent', () => {
  const content = { title: '补贴名单', body: '张三 330106198503120415\n李四 330106198503120415', interpretation: null };
  const attachments = [{ attachmentId: 'a1', fileName: '名单.pdf', pages: ['第一页无信息', '联系电话 13857112345'] }];

  it('names the field, the attachment page and a key that tells repeated values apart', () => {
    const findings = scanDisclosureContent(content, attachments);
    expect(findings.map((finding) => [finding.kind, finding.location])).toEqual([
      ['name', { field: 'body' }],
      ['id-card', { field: 'body' }],
      ['name', { field: 'body' }],
      ['id-card', { field: 'body' }],
      ['mobile', { field: 'attachment', attachmentId: 'a1', fileName: '名单.pdf', page: 2 }],
    ]);
    const idKeys = findings.filter((finding) => finding.kind === 'id-card').map((finding) => finding.key);
    expect(new Set(idKeys).size).toBe(2);
    expect(idKeys[0]!.endsWith(':1') && idKeys[1]!.endsWith(':2')).toBe(true);
    // The same text scanned again gives the same keys: a store can keep decisions under them.
    expect(scanDisclosureContent(content, attachments).map((finding) => finding.key)).toEqual(findings.map((finding) => finding.key));
  });

  it('masks one finding in place', () => {
    const [, id] = scanDisclosureContent(content);
    expect(maskSpan(content.body, id!.kind, id!.start, id!.end)).toBe('张三 3301**********0415\n李四 330106198503120415');
  });
});

describe('the release gate', () => {
  it('is blocked by open findings only, and says where they are', () => {
    const findings = [
      { kind: 'id-card' as const, status: 'masked' as const, field: 'body', maskedPreview: '3301**********0415' },
      { kind: 'mobile' as const, status: 'open' as const, field: 'attachment', fileName: '名单.pdf', page: 2, maskedPreview: '138****2345' },
      { kind: 'name' as const, status: 'justified' as const, field: 'body', maskedPreview: '张*' },
    ];
    expect(releaseBlockers(findings)).toEqual([findings[1]]);
    expect(releaseBlockedMessage(findings)).toContain('附件《名单.pdf》第2页的手机号码（138****2345）');
    expect(releaseBlockedMessage(findings.filter((finding) => finding.status !== 'open'))).toBeUndefined();
  });
});
