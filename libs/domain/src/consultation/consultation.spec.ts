import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar } from '../calendar';
import {
  consultationClosesAt,
  consultationDaysLeft,
  consultationPeriodProblems,
  consultationPolicyFromEnv,
  DEFAULT_CONSULTATION_POLICY,
  earliestClosingDay,
  InvalidConsultationPolicyError,
  minimumPeriodFor,
} from './consultation';
import { feedbackDocumentText, feedbackProblems, publicCommentField, publicCommentText } from './consultation-comment';

const calendar = new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES);

describe('the minimum consultation period', () => {
  it('is 30 days for a major administrative decision, counted from the day after publication', () => {
    const rule = minimumPeriodFor(DEFAULT_CONSULTATION_POLICY, 'major-decision', false);
    expect(rule).toMatchObject({ unit: 'days', count: 30 });
    expect(rule.basis).toContain('第十五条');
    expect(earliestClosingDay(rule, '2026-03-02', calendar)).toBe('2026-04-01');
  });

  it('is 7 working days for a normative document, skipping weekends and the 劳动节 holiday', () => {
    const rule = minimumPeriodFor(DEFAULT_CONSULTATION_POLICY, 'normative-document', false);
    expect(rule).toMatchObject({ unit: 'working-days', count: 7 });
    // Published Wednesday 2026-04-29: 4/30, then 5/1–5/5 off (劳动节), 5/6–5/8, Saturday 5/9 (a make-up working day), 5/11, 5/12.
    expect(earliestClosingDay(rule, '2026-04-29', calendar)).toBe('2026-05-12');
  });

  it('is 30 days for a normative document bound up with market entities (优化营商环境条例)', () => {
    expect(minimumPeriodFor(DEFAULT_CONSULTATION_POLICY, 'normative-document', true)).toMatchObject({ unit: 'days', count: 30 });
    expect(minimumPeriodFor(DEFAULT_CONSULTATION_POLICY, 'plan', true)).toMatchObject({ unit: 'days', count: 30 });
  });

  it('refuses a shorter period without a stated reason, names the field and the earliest day, and accepts it with one', () => {
    const rule = minimumPeriodFor(DEFAULT_CONSULTATION_POLICY, 'major-decision', false);
    const short = { openedOn: '2026-03-02', closesOn: '2026-03-31' };
    const [problem] = consultationPeriodProblems(rule, short, calendar);
    expect(problem).toMatchObject({ field: 'closesOn', code: 'consultation.period-too-short' });
    expect(problem.message).toContain('2026-04-01');
    expect(consultationPeriodProblems(rule, { ...short, closesOn: '2026-04-01' }, calendar)).toEqual([]);
    expect(consultationPeriodProblems(rule, { ...short, shortenedReason: '汛期临近，情况紧急' }, calendar)).toEqual([]);
  });

  it('never accepts a closing day on or before the opening day, or a malformed one', () => {
    const rule = DEFAULT_CONSULTATION_POLICY.minimumPeriod.other;
    expect(consultationPeriodProblems(rule, { openedOn: '2026-03-02', closesOn: '2026-03-02', shortenedReason: '紧急' }, calendar)[0]).toMatchObject({ code: 'consultation.period-invalid' });
    expect(consultationPeriodProblems(rule, { openedOn: '2026-03-02', closesOn: '2026-02-30' }, calendar)[0]).toMatchObject({ code: 'consultation.period-invalid' });
  });
});

describe('the consultation policy settings', () => {
  it('defaults to the national rules', () => {
    expect(consultationPolicyFromEnv({})).toEqual(DEFAULT_CONSULTATION_POLICY);
  });

  it('may lengthen a minimum and set the feedback deadline, but never go below the law', () => {
    const policy = consultationPolicyFromEnv({ CONSULTATION_MIN_DAYS_MAJOR_DECISION: '45', CONSULTATION_FEEDBACK_WORKING_DAYS: '10' });
    expect(policy.minimumPeriod['major-decision']).toMatchObject({ count: 45 });
    expect(policy.minimumPeriod['major-decision'].basis).toContain('45');
    expect(policy.feedbackWorkingDays).toBe(10);
    expect(() => consultationPolicyFromEnv({ CONSULTATION_MIN_DAYS_MAJOR_DECISION: '20' })).toThrow(InvalidConsultationPolicyError);
    expect(() => consultationPolicyFromEnv({ CONSULTATION_FEEDBACK_WORKING_DAYS: 'ten' })).toThrow(/CONSULTATION_FEEDBACK_WORKING_DAYS/);
  });
});

describe('closing and days left', () => {
  it('closes at the end of the closing day in China', () => {
    expect(consultationClosesAt('2026-04-01')).toBe('2026-04-01T15:59:59.999Z');
  });

  it('counts today and the closing day, and 0 once closed', () => {
    const closesAt = consultationClosesAt('2026-04-01');
    expect(consultationDaysLeft(closesAt, new Date('2026-03-31T02:00:00Z'))).toBe(2);
    // 23:30 China time on 3/31 is still 3/31; 00:30 on 4/1 is the last day.
    expect(consultationDaysLeft(closesAt, new Date('2026-03-31T15:30:00Z'))).toBe(2);
    expect(consultationDaysLeft(closesAt, new Date('2026-03-31T16:30:00Z'))).toBe(1);
    expect(consultationDaysLeft(closesAt, new Date('2026-04-01T16:00:00Z'))).toBe(0);
  });
});

describe('the feedback (采纳情况)', () => {
  const comments = [
    { id: 'a', state: 'approved' as const },
    { id: 'b', state: 'approved' as const },
    { id: 'c', state: 'rejected' as const },
  ];

  it('answers every shown opinion once, with a reason where it is not adopted', () => {
    expect(feedbackProblems(comments, [{ commentId: 'a', adoption: 'adopted' }, { commentId: 'b', adoption: 'not-adopted', reason: '超出本文件调整范围' }])).toEqual([]);
    const problems = feedbackProblems(comments, [{ commentId: 'a', adoption: 'adopted' }, { commentId: 'a', adoption: 'partly-adopted' }, { commentId: 'c', adoption: 'adopted' }]);
    expect(problems.map((problem) => problem.field)).toEqual(['opinions.1.commentId', 'opinions.1.reason', 'opinions.2.commentId', 'opinions']);
    expect(problems[1].message).toContain('部分采纳');
  });

  it('wants the moderation queue empty first', () => {
    expect(feedbackProblems([{ id: 'p', state: 'pending' }], [])[0]).toMatchObject({ field: 'opinions', message: expect.stringContaining('未审核') });
  });

  it('writes the document with the counts and each opinion with its answer', () => {
    const text = feedbackDocumentText(
      { title: '县城公共停车管理办法', kind: 'normative-document', openedOn: '2026-03-02', closesOn: '2026-03-12', summary: '感谢各界参与。' },
      [
        { clause: '第五条', content: '建议夜间免费', adoption: 'adopted', reason: null },
        { clause: null, content: '建议取消收费', adoption: 'not-adopted', reason: '与上位法规定不符' },
      ],
    );
    expect(text).toContain('共收到有效意见 2 条，其中采纳 1 条、部分采纳 0 条、未采纳 1 条');
    expect(text).toContain('1. 【第五条】建议夜间免费');
    expect(text).toContain('采纳情况：未采纳。理由：与上位法规定不符');
  });
});

describe('publicCommentText', () => {
  it('drops the contact written into the opinion and masks the personal data the guard finds', () => {
    expect(publicCommentText({ content: '请联系微信 li_si_2026 或 13857112345，户主：张建国，卡号6222021203001234565', contact: 'li_si_2026' })).toBe(
      '请联系微信 *** 或 ***，户主：张**，卡号6222***********4565',
    );
  });

  it('leaves an opinion without personal data as written', () => {
    expect(publicCommentText({ content: '建议第五条夜间22点后免费停车，收费标准每小时2元。', contact: null })).toBe('建议第五条夜间22点后免费停车，收费标准每小时2元。');
  });

  it('masks a number in a short public field', () => {
    expect(publicCommentField('第五条 13857112345')).toBe('第五条 138****2345');
    expect(publicCommentField(null)).toBeNull();
  });
});
