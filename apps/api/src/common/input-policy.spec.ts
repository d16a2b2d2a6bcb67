import { bodyProblem, INPUT_POLICY, queryProblem, stringProblem } from './input-policy';

describe('the input policy', () => {
  it('takes text with newlines and tabs, and refuses NUL, other C0/C1 controls, DEL and lone surrogates', () => {
    expect(stringProblem('第一段\n\t第二段 😀', 100)).toBeUndefined();
    for (const bad of ['请问\u0000', 'a\u0007', 'a\r', 'a\u001b[31m', 'a\u007f', 'a\u0085', '\ud800', 'x\udc00y', '\udc00\ud800']) {
      expect(stringProblem(bad, 100)).toEqual(expect.stringMatching(/控制字符|代理项/));
    }
    expect(stringProblem('请问\u0000', 100)).toContain('U+0000');
    expect(stringProblem('字'.repeat(11), 10)).toContain('最多 10 个字符');
  });

  it('names the field of a nested string, and of an array element', () => {
    expect(bodyProblem({ holidays: [{ name: '元旦', days: ['2027-01-01', 'x\u0000'] }] })).toMatchObject({ field: 'holidays[0].days[1]' });
    expect(bodyProblem(['ok', 'no\u0000'])).toMatchObject({ field: 'body[1]' });
    expect(bodyProblem({ ['a\u0000b']: 1 })).toMatchObject({ field: 'a?b', problem: expect.stringContaining('字段名') });
    expect(bodyProblem({ title: '标题', count: 3, flag: true, none: null })).toBeUndefined();
  });

  it('bounds the nesting depth and the number of nodes without recursing past the bound', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(bodyProblem(deep)).toMatchObject({ problem: expect.stringContaining(`最多 ${INPUT_POLICY.maxBodyDepth} 层`) });
    expect(bodyProblem({ list: Array.from({ length: INPUT_POLICY.maxBodyNodes + 1 }, () => 1) })).toMatchObject({ field: 'list', tooLarge: true });
  });

  it('checks query values, repeated ones included, against the shorter query limit', () => {
    expect(queryProblem({ q: '招生', state: ['open', 'closed'] })).toBeUndefined();
    expect(queryProblem({ state: ['open', 'x\u0000'] })).toMatchObject({ field: 'state' });
    expect(queryProblem({ q: 'a'.repeat(INPUT_POLICY.maxQueryStringLength + 1) })).toMatchObject({ field: 'q' });
  });
});
