import { interpretationPlanReleaseRefusal, interpretationProblems, planCoverage } from './interpretation';

describe('interpretations in more forms (多元化解读)', () => {
  const base = { interpreterKind: 'expert' as const, interpreterName: '张教授', title: '解读' };

  it('asks each form for what makes it understood by everyone', () => {
    expect(interpretationProblems({ ...base, form: 'text', body: '正文' })).toEqual([]);
    expect(interpretationProblems({ ...base, form: 'text' }).map((problem) => problem.field)).toEqual(['body']);
    expect(interpretationProblems({ ...base, form: 'graphic', attachmentIds: [] }).map((problem) => problem.field)).toEqual(['attachmentIds', 'body']);
    expect(interpretationProblems({ ...base, form: 'video', mediaUrl: 'ftp://x' }).map((problem) => problem.field)).toEqual(['transcript', 'mediaUrl']);
    expect(interpretationProblems({ ...base, form: 'audio', mediaUrl: 'https://media.example.cn/a.mp3', transcript: '文字稿' })).toEqual([]);
    expect(interpretationProblems({ ...base, form: 'qa', questions: [{ question: '适用谁？', answer: '' }] }).map((problem) => problem.field)).toEqual(['questions.0']);
    expect(interpretationProblems({ ...base, form: 'press-conference', body: '实录' })[0]).toMatchObject({ field: 'heldAt', message: expect.stringContaining('发布会时间') });
  });

  it('tells which planned interpretations exist', () => {
    const coverage = planCoverage(
      [{ form: 'text', interpreterKind: 'drafting-department' }, { form: 'video', interpreterKind: 'leader' }],
      [{ form: 'text', interpreterKind: 'drafting-department' }, { form: 'video', interpreterKind: 'expert' }],
    );
    expect(coverage.map((entry) => entry.done)).toEqual([true, false]);
  });
});

describe('the interpretation plan at release (三同步)', () => {
  it('refuses 签发 naming each planned interpretation still missing, and lets a complete plan through', () => {
    const plan = [{ form: 'graphic', interpreterKind: 'drafting-department' }, { form: 'video', interpreterKind: 'leader' }] as const;
    const graphicOnly = planCoverage(plan, [{ form: 'graphic', interpreterKind: 'drafting-department' }]);
    expect(interpretationPlanReleaseRefusal(graphicOnly)).toBe('解读方案中尚缺：领导的视频解读；请先补齐解读再签发');
    expect(interpretationPlanReleaseRefusal(planCoverage(plan, []))).toContain('起草部门的图解、领导的视频解读');
    expect(interpretationPlanReleaseRefusal(planCoverage(plan, [...plan]))).toBeUndefined();
    expect(interpretationPlanReleaseRefusal(planCoverage([], []))).toBeUndefined();
  });
});
