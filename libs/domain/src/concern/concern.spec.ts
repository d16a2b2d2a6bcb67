import { isConcernKind, publicQuestionText } from './concern';

describe('publicQuestionText', () => {
  it('keeps the question as asked when it holds no contact details', () => {
    expect(publicQuestionText('随迁子女入学需要哪些材料？', '13800138000')).toBe('随迁子女入学需要哪些材料？');
  });

  it('removes the contact the asker gave, wherever it appears in the question', () => {
    expect(publicQuestionText('请回复到微信 zhang_san_88，谢谢', 'zhang_san_88')).toBe('请回复到微信 ***，谢谢');
  });

  it('removes phone numbers, e-mail addresses and ID numbers written into the question', () => {
    const asked = '我的电话13800138000，座机0592-1234567，邮箱 a.b@example.cn，身份证35020319900101123X，请问何时公布？';
    expect(publicQuestionText(asked)).toBe('我的电话***，座机***，邮箱 ***，身份证***，请问何时公布？');
  });

  it('masks what the detector knows beyond contact details: a bank card, a 15-digit ID number, a name beside them', () => {
    expect(publicQuestionText('补贴没到账，户主：张建国，卡号6222021203001234565，旧身份证330106850312041')).toBe('补贴没到账，户主：张**，卡号6222***********4565，旧身份证3301*******2041');
  });

  it('leaves ordinary numbers such as years and amounts alone', () => {
    expect(publicQuestionText('2026年秋季招生计划是1200人吗？')).toBe('2026年秋季招生计划是1200人吗？');
  });
});

describe('isConcernKind', () => {
  it('knows the three kinds', () => {
    expect(['message', 'major-emergency', 'public-opinion'].every(isConcernKind)).toBe(true);
    expect(isConcernKind('rumour')).toBe(false);
  });
});
