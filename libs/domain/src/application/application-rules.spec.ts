import fc from 'fast-check';
import { PUBLISHED_HOLIDAY_TABLES, type HolidayTable } from '../calendar/holiday-table';
import { addDays } from '../calendar/local-date';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { APPLICATION_COLUMN_KEYS, APPLICATION_RESULT_ROWS, checkApplicationTable, type ApplicationColumn } from '../reports/annual-report';
import { countApplicationTable, type ApplicationTableRecord } from '../reports/application-table';
import { computeInformationFee, perItemRate, perPageRate } from './fees';
import { APPLICATION_OUTCOMES, describeOutcome, replyLetterTemplate } from './outcomes';
import { receiptDateOf } from './receipt';
import {
  computeReplyDeadline,
  consultationDue,
  CONSULTATION_SILENCE_MEANING,
  correctionDue,
  correctionRequestProblem,
  correctionRequestWindow,
  feePaymentDue,
  ReplyClockError,
} from './reply-clock';

/** An official-style arrangement for 2094, as an admin would load it: 中秋 Friday, 国庆 Fri 10/1 – Thu 10/7, Saturday 10/9 worked. */
export const TEST_2094: HolidayTable = {
  year: 2094,
  source: '测试用：2094年节假日安排',
  published: true,
  holidays: [
    { name: '中秋节', days: ['2094-09-24'] },
    { name: '国庆节', days: ['2094-10-01', '2094-10-02', '2094-10-03', '2094-10-04', '2094-10-05', '2094-10-06', '2094-10-07'] },
  ],
  makeUpWorkingDays: ['2094-10-09'],
};
const calendar = new WorkingDayCalendar([...PUBLISHED_HOLIDAY_TABLES, TEST_2094]);

describe('receipt date (条例第三十一条)', () => {
  it('is the day handed in, the day signed for, or the day of confirmation, by channel', () => {
    expect(receiptDateOf({ channel: 'in-person', submittedOn: '2094-09-20' })).toEqual(expect.objectContaining({ ok: true, date: '2094-09-20' }));
    expect(receiptDateOf({ channel: 'registered-post', submittedOn: '2094-09-20', signedForOn: '2094-09-18' })).toEqual(expect.objectContaining({ ok: true, date: '2094-09-18', explanation: expect.stringContaining('签收之日') }));
    expect(receiptDateOf({ channel: 'ordinary-mail', submittedOn: '2094-09-20', confirmedOn: '2094-09-21' })).toEqual(expect.objectContaining({ ok: true, date: '2094-09-21', explanation: expect.stringContaining('与申请人确认之日') }));
    for (const channel of ['online', 'fax'] as const) {
      expect(receiptDateOf({ channel, submittedOn: '2094-09-19', confirmedOn: '2094-09-22' })).toEqual(expect.objectContaining({ ok: true, date: '2094-09-22', explanation: expect.stringContaining('双方确认之日') }));
    }
  });

  it('refuses a channel without its own date, or a confirmation before the submission, naming the field', () => {
    expect(receiptDateOf({ channel: 'registered-post', submittedOn: '2094-09-20' })).toEqual(expect.objectContaining({ ok: false, field: 'signedForOn' }));
    expect(receiptDateOf({ channel: 'online', submittedOn: '2094-09-20' })).toEqual(expect.objectContaining({ ok: false, field: 'confirmedOn' }));
    expect(receiptDateOf({ channel: 'fax', submittedOn: '2094-09-20', confirmedOn: '2094-09-19' })).toEqual(expect.objectContaining({ ok: false, field: 'confirmedOn' }));
    expect(receiptDateOf({ channel: 'in-person', submittedOn: '2094-02-30' })).toEqual(expect.objectContaining({ ok: false, field: 'submittedOn' }));
  });
});

describe('reply deadline (条例第三十三条) across 中秋 and 国庆 2094', () => {
  it('is 20 working days after receipt, skipping weekends and holidays and counting the make-up Saturday', () => {
    const due = computeReplyDeadline(calendar, { startDate: '2094-09-20', start: 'receipt', pauses: [], extensionWorkingDays: 0 });
    expect(due).toEqual(expect.objectContaining({ state: 'running', dueDate: '2094-10-25', provisional: false }));
    if (due.state !== 'running') throw new Error('running');
    expect(due.explanation).toBe('自收到申请（2094-09-20）次日起算20个工作日（跳过周末7天、中秋节1天、国庆节7天），截止2094-10-25');
    expect(due.dueAt).toBe('2094-10-25T15:59:59.999Z');
  });

  it('adds one approved extension of up to 20 working days, and no more', () => {
    const due = computeReplyDeadline(calendar, { startDate: '2094-09-20', start: 'receipt', pauses: [], extensionWorkingDays: 20 });
    expect(due).toEqual(expect.objectContaining({ state: 'running', dueDate: '2094-11-22', explanation: expect.stringContaining('经批准延长20个工作日，共40个工作日') }));
    expect(() => computeReplyDeadline(calendar, { startDate: '2094-09-20', start: 'receipt', pauses: [], extensionWorkingDays: 21 })).toThrow(ReplyClockError);
  });

  it('stops while a third party is consulted and explains the stop (条例第三十二条)', () => {
    const open = computeReplyDeadline(calendar, { startDate: '2094-09-20', start: 'receipt', pauses: [{ kind: 'third-party-consultation', from: '2094-09-27' }], extensionWorkingDays: 0 });
    expect(open).toEqual(expect.objectContaining({ state: 'stopped', usedWorkingDays: 4, remainingWorkingDays: 16 }));
    const closed = computeReplyDeadline(calendar, { startDate: '2094-09-20', start: 'receipt', pauses: [{ kind: 'third-party-consultation', from: '2094-09-27', to: '2094-10-15' }], extensionWorkingDays: 0 });
    expect(closed).toEqual(expect.objectContaining({ state: 'running', dueDate: '2094-11-08' }));
    if (closed.state !== 'running') throw new Error('running');
    expect(closed.explanation).toBe('自收到申请（2094-09-20）次日起算20个工作日（跳过周末10天、中秋节1天；征求第三方意见2094-09-28至2094-10-15（18天）不计算在内），截止2094-11-08');
  });

  it('restarts from the corrected application (条例第三十条)', () => {
    const due = computeReplyDeadline(calendar, { startDate: '2094-10-08', start: 'correction', pauses: [], extensionWorkingDays: 0 });
    expect(due).toEqual(expect.objectContaining({ state: 'running', dueDate: '2094-11-04', explanation: expect.stringContaining('收到补正后的申请（2094-10-08）') }));
  });

  it('property: a closed pause never brings the due date forward, and moves it by at least the working days it covers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), (offset, length, extension) => {
        const start = '2094-09-06';
        const from = addDays(start, offset);
        const plain = computeReplyDeadline(calendar, { startDate: start, start: 'receipt', pauses: [], extensionWorkingDays: extension });
        const paused = computeReplyDeadline(calendar, { startDate: start, start: 'receipt', pauses: [{ kind: 'fee', from, to: addDays(from, length) }], extensionWorkingDays: extension });
        if (plain.state !== 'running' || paused.state !== 'running') return false;
        if (from >= plain.dueDate) return paused.dueDate === plain.dueDate;
        let covered = 0;
        for (let day = addDays(from, 1); day <= addDays(from, length); day = addDays(day, 1)) if (!calendar.offReason(day)) covered++;
        return paused.dueDate >= plain.dueDate && calendar.addWorkingDays(plain.dueDate, covered).date <= paused.dueDate;
      }),
    );
  });
});

describe('补正 (条例第三十条)', () => {
  it('may be asked once, within 7 working days of receipt, naming what is missing and a period', () => {
    // 9/28–9/30, then 国庆, then Friday 10/8, the make-up Saturday 10/9, Monday 10/11 and Tuesday 10/12.
    expect(correctionRequestWindow(calendar, '2094-09-27').dueDate).toBe('2094-10-12');
    const base = { receiptDate: '2094-09-27', requestDate: '2094-10-12', alreadyRequested: false, missing: '请写明文件名称或文号', periodWorkingDays: 10 };
    expect(correctionRequestProblem(calendar, base)).toBeUndefined();
    expect(correctionRequestProblem(calendar, { ...base, requestDate: '2094-10-13' })).toEqual(expect.objectContaining({ field: 'correction', problem: expect.stringContaining('2094-10-12') }));
    expect(correctionRequestProblem(calendar, { ...base, alreadyRequested: true })).toEqual(expect.objectContaining({ field: 'correction' }));
    expect(correctionRequestProblem(calendar, { ...base, missing: ' ' })).toEqual(expect.objectContaining({ field: 'missing' }));
    expect(correctionRequestProblem(calendar, { ...base, periodWorkingDays: 0 })).toEqual(expect.objectContaining({ field: 'periodWorkingDays' }));
    expect(correctionDue(calendar, '2094-09-29', 5).dueDate).toBe('2094-10-12');
  });
});

describe('consultation (条例第三十二条、第三十四条) and payment (国办函〔2020〕109号第七条) periods', () => {
  it('gives a consulted party 15 working days and an applicant 20 to pay, across 国庆', () => {
    expect(consultationDue(calendar, 'third-party', '2094-09-27').dueDate).toBe('2094-10-22');
    expect(consultationDue(calendar, 'agency', '2094-09-27').explanation).toContain('第三十四条');
    expect(CONSULTATION_SILENCE_MEANING.agency).toContain('视为同意');
    expect(feePaymentDue(calendar, '2094-09-27').dueDate).toBe('2094-10-29');
  });
});

describe('信息处理费 (国办函〔2020〕109号第三条至第五条)', () => {
  it('charges per item progressively within a natural month', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(perItemRate)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400]);
    expect(computeInformationFee({ kind: 'per-item', priorItemsThisMonth: 0, items: 10 }).amountYuan).toBe(0);
    const fee = computeInformationFee({ kind: 'per-item', priorItemsThisMonth: 8, items: 25 });
    // 件 9–10 free, 11–30 at 100, 31–33 at 200.
    expect(fee.amountYuan).toBe(20 * 100 + 3 * 200);
    expect(fee.bands.map((band) => [band.from, band.to, band.yuanPerUnit])).toEqual([[9, 10, 0], [11, 30, 100], [31, 33, 200]]);
    expect(fee.explanation).toContain('合计2600元');
  });

  it('charges per page progressively', () => {
    expect([30, 31, 100, 101, 200, 201].map(perPageRate)).toEqual([0, 10, 10, 20, 20, 40]);
    expect(computeInformationFee({ kind: 'per-page', pages: 30 }).amountYuan).toBe(0);
    expect(computeInformationFee({ kind: 'per-page', pages: 250 }).amountYuan).toBe(70 * 10 + 100 * 20 + 50 * 40);
    expect(() => computeInformationFee({ kind: 'per-page', pages: 0 })).toThrow(RangeError);
    expect(() => computeInformationFee({ kind: 'per-item', priorItemsThisMonth: -1, items: 1 })).toThrow(RangeError);
  });

  it('property: one more page or item never costs less', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (pages) => computeInformationFee({ kind: 'per-page', pages: pages + 1 }).amountYuan >= computeInformationFee({ kind: 'per-page', pages }).amountYuan));
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 50 }), (prior, items) => computeInformationFee({ kind: 'per-item', priorItemsThisMonth: prior, items: items + 1 }).amountYuan >= computeInformationFee({ kind: 'per-item', priorItemsThisMonth: prior, items }).amountYuan));
  });
});

describe('decision categories (table 三)', () => {
  it('are exactly the 办理结果 rows of table 三, each with its category and basis', () => {
    expect(APPLICATION_OUTCOMES).toEqual(APPLICATION_RESULT_ROWS);
    expect(APPLICATION_OUTCOMES).toHaveLength(21);
    expect(describeOutcome('refusedThirdParty')).toEqual(expect.objectContaining({ category: '不予公开', label: '保护第三方合法权益', releasesInformation: false }));
    expect(describeOutcome('otherNoCorrection')).toEqual(expect.objectContaining({ category: '其他处理', deemedWithdrawn: true, basis: '条例第三十条' }));
    expect(describeOutcome('otherUnpaidFee').deemedWithdrawn).toBe(true);
    expect(describeOutcome('partiallyGranted')).toEqual(expect.objectContaining({ category: '部分公开', releasesInformation: true }));
    expect(describeOutcome('notProcessedMassRepeated').basis).toBe('条例第三十五条');
    for (const outcome of APPLICATION_OUTCOMES) {
      const letter = replyLetterTemplate(outcome, { queryNumber: 'YSQ-2094-000001', applicantName: '张三', receiptDate: '2094-09-20', description: '某项目环评批复', agencyName: '某县人民政府' });
      expect(letter).toContain(describeOutcome(outcome).basis);
      expect(letter).toContain('YSQ-2094-000001');
    }
  });
});

describe('table 三 counted from applications, with 结转', () => {
  it('counts an application open at a year end as carried over in both years', () => {
    const records: ApplicationTableRecord[] = [
      { applicantType: 'naturalPerson', receivedOn: '2094-12-20', closedOn: '2095-01-10', outcome: 'granted' },
      { applicantType: 'naturalPerson', receivedOn: '2094-03-01', closedOn: '2094-03-20', outcome: 'otherNoCorrection' },
      { applicantType: 'commercialEnterprise', receivedOn: '2095-02-01' },
    ];
    const t2094 = countApplicationTable(records, 2094);
    expect(t2094.newlyReceived.naturalPerson).toBe(2);
    expect(t2094.otherNoCorrection.naturalPerson).toBe(1);
    expect(t2094.carriedForward.naturalPerson).toBe(1);
    const t2095 = countApplicationTable(records, 2095);
    expect(t2095.carriedOver.naturalPerson).toBe(1);
    expect(t2095.granted.naturalPerson).toBe(1);
    expect(t2095.newlyReceived.commercialEnterprise).toBe(1);
    expect(t2095.carriedForward.commercialEnterprise).toBe(1);
    expect(checkApplicationTable(t2094)).toEqual([]);
    expect(checkApplicationTable(t2095)).toEqual([]);
  });

  it('property: the counted table always passes the table\'s own checks', () => {
    const record = fc.record({
      applicantType: fc.constantFrom<ApplicationColumn>(...APPLICATION_COLUMN_KEYS),
      received: fc.integer({ min: 0, max: 1500 }),
      open: fc.integer({ min: -1, max: 400 }),
      outcome: fc.constantFrom(...APPLICATION_OUTCOMES),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.integer({ min: 2093, max: 2097 }), (raw, year) => {
        const records = raw.map((r) => {
          const receivedOn = addDays('2093-01-01', r.received);
          return r.open < 0 ? { applicantType: r.applicantType, receivedOn } : { applicantType: r.applicantType, receivedOn, closedOn: addDays(receivedOn, r.open), outcome: r.outcome };
        });
        return checkApplicationTable(countApplicationTable(records, year)).length === 0;
      }),
    );
  });
});
