import { failureTitle, fieldProblemLines, fieldProblemText } from '../../apps/web/src/errors/error-text';

/** How the web app words failures (apps/web/src/errors/error-text.ts): by code, in Chinese, never the API's English. */
describe("the web app's wording of failures", () => {
  it('words a validation problem from its code and params, and names the field', () => {
    const tooLong = { field: 'title', code: 'validation.too-long', params: { max: 300 }, problems: ['不能超过 300 个字'] };
    expect(fieldProblemText(tooLong)).toBe('不能超过 300 个字');
    expect(fieldProblemLines([tooLong])).toEqual(['「标题」不能超过 300 个字']);
    expect(fieldProblemLines([{ field: 'overview', problems: ['须为文字'] }], { overview: '一、总体情况' })).toEqual(['「一、总体情况」须为文字']);
  });

  it("keeps the API's specific Chinese under a request-level code, and never shows its English", () => {
    expect(fieldProblemText({ field: 'decision', code: 'personal-information.unresolved', problems: ['正文的身份证号（3301**********0415）未处理'] })).toBe('正文的身份证号（3301**********0415）未处理');
    expect(fieldProblemText({ field: 'decision', code: 'personal-information.unresolved', problems: ['unresolved'] })).toMatch(/个人信息/);
    expect(fieldProblemText({ field: 'cursor', problems: ['is not a cursor this API returned'] })).toBe('内容不符合要求');
    expect(fieldProblemLines([{ field: 'someInternalName', problems: ['bad'] }])).toEqual(['「第 1 项」内容不符合要求']);
  });

  it('titles a failure by its code, else by its status', () => {
    expect(failureTitle(409, 'task.claimed-by-other')).toBe('该任务已由他人认领');
    expect(failureTitle(429)).toBe('请求过于频繁，请稍后再试');
    expect(failureTitle(502)).toMatch(/系统内部错误.*（502）/);
    expect(failureTitle(0)).toMatch(/无法连接/);
  });
});
