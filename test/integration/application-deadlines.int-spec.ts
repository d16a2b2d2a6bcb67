import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  applicationRecordedUpdate,
  applicationStepUpdate,
  applicationViewQuery,
  DISCLOSURE_APPLICATION_WORKFLOW_TYPE,
  disclosureApplicationWorkflowId,
  type ActorRef,
  type ApplicationStepRequest,
  type ApplicationView,
  type DisclosureApplicationInput,
} from '@zwgk/contracts';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar, type ApplicationChannel, type HolidayTable } from '@zwgk/domain';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * The statutory clock of applications for disclosure (依申请公开) on the time-skipping server, one timeline
 * from Monday 2094-09-20 across 中秋 (Friday 9/24) and 国庆 (Friday 10/1 – Thursday 10/7, Saturday 10/9
 * worked) of a 2094 arrangement the activities are given as loaded. Every application of this file is
 * received the same Monday, so the `it`s run in date order and each moves the clock forward; every step
 * is taken at 10:00 China time (02:00Z) of its day.
 */
const ARRANGEMENT_2094: HolidayTable = {
  year: 2094,
  source: '测试用：2094年节假日安排',
  published: true,
  holidays: [
    { name: '中秋节', days: ['2094-09-24'] },
    { name: '国庆节', days: ['2094-10-01', '2094-10-02', '2094-10-03', '2094-10-04', '2094-10-05', '2094-10-06', '2094-10-07'] },
  ],
  makeUpWorkingDays: ['2094-10-09'],
};

const office: ActorRef = { username: 'office.publisher', displayName: '冯公开（政务公开办）', departmentCode: 'office', roles: ['disclosure-office'] };
const officeHead: ActorRef = { username: 'office.supervisor', displayName: '陈督查（政务公开办）', departmentCode: 'office', roles: ['supervisor'] };
const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草（教育局）', departmentCode: 'edu', roles: ['drafter'] };
const secrecy: ActorRef = { username: 'edu.secrecy', displayName: '赵保密（教育局）', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
const leader: ActorRef = { username: 'edu.leader', displayName: '孙局长（教育局）', departmentCode: 'edu', roles: ['leader'] };
const civilDrafter: ActorRef = { username: 'civil.drafter', displayName: '周起草（民政局）', departmentCode: 'civil', roles: ['drafter'] };

/** 10:00 China time on a day. */
const at10 = (day: string) => `${day}T02:00:00Z`;
/** The end of a day, China time: every due instant of this file. */
const endOf = (day: string) => `${day}T15:59:59.999Z`;
/** 23:00 China time: late on a day but before its due instant (sleeping until the instant itself races the timer). */
const lateOn = (day: string) => `${day}T15:00:00Z`;

type Step = ApplicationStepRequest extends infer R ? (R extends { actor: ActorRef } ? Omit<R, 'actor'> : never) : never;

describe('the statutory clock of an application for disclosure', () => {
  let harness: TimeSkippingHarness;
  const apps = new Map<string, { id: string; handle: WorkflowHandle }>();

  beforeAll(async () => {
    const calendar = new WorkingDayCalendar([...PUBLISHED_HOLIDAY_TABLES.filter((table) => table.year !== 2094), ARRANGEMENT_2094]);
    harness = await startTimeSkippingHarness('application-timers', undefined, { calendar, startAt: at10('2094-09-20') });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  /** Registers an application as the API's intake does: the row with the applicant's data, then the workflow. */
  async function apply(name: string, channel: ApplicationChannel = 'online', extra: Partial<DisclosureApplicationInput> = {}) {
    const id = randomUUID();
    const queryNumber = `YSQ-T${id.slice(0, 8)}`;
    const input: DisclosureApplicationInput = { applicationId: id, queryNumber, channel, applicantType: 'naturalPerson', submittedOn: '2094-09-18', officeDepartmentCode: 'office', ...extra };
    await harness.dataSource.query(
      `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type,
         applicant_name, id_document, description, delivery_form, submitted_on, signed_for_on)
       VALUES ($1, $2, 'x', $3, 'office', $4, 'naturalPerson', $5, $6, '某校2094年招生计划的批复文件', '电子邮件', $7, $8)`,
      [id, queryNumber, disclosureApplicationWorkflowId(id), channel, `申请人${name}`, `ID-${name}-${id.slice(0, 4)}`, input.submittedOn, input.signedForOn ?? null],
    );
    const handle = await harness.env.client.workflow.start(DISCLOSURE_APPLICATION_WORKFLOW_TYPE, { workflowId: disclosureApplicationWorkflowId(id), taskQueue: harness.taskQueue, args: [input] });
    await handle.executeUpdate(applicationRecordedUpdate);
    apps.set(name, { id, handle });
    return { id, handle };
  }

  const app = (name: string) => apps.get(name)!;
  const step = (name: string, actor: ActorRef, request: Step): Promise<ApplicationView> =>
    app(name).handle.executeUpdate(applicationStepUpdate, { args: [{ ...request, actor } as ApplicationStepRequest] });
  const view = (name: string) => app(name).handle.query(applicationViewQuery);

  async function refusal(update: Promise<unknown>): Promise<string | undefined> {
    try {
      await update;
      return undefined;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) return error.cause.type ?? undefined;
      throw error;
    }
  }

  const auditActions = async (name: string) =>
    ((await harness.dataSource.query(`SELECT action, occurred_at FROM audit_events WHERE detail ->> 'applicationId' = $1 ORDER BY id`, [app(name).id])) as { action: string; occurred_at: Date }[]);

  const row = async (name: string) =>
    ((await harness.dataSource.query(`SELECT state, outcome, closed_on::text, late, overdue, due_date::text, received_on::text, clock_stopped FROM disclosure_applications WHERE id = $1`, [app(name).id])) as Record<string, unknown>[])[0];

  it('条例第三十一条: the clock starts on the receipt date by channel, not the day the form was filled in', async () => {
    // Filled in online on Saturday 9/18, confirmed by both sides on Monday 9/20: received 9/20.
    for (const name of ['onTime', 'late', 'correction', 'noCorrection', 'lateCorrection', 'extension', 'thirdParty', 'agency', 'feePaid', 'feeUnpaid']) await apply(name);
    await apply('post', 'registered-post', { signedForOn: '2094-09-17' });

    expect(await refusal(step('onTime', drafter, { step: 'sign' }))).toBe('Forbidden');
    const signed = await step('onTime', office, { step: 'sign' });
    expect(signed).toEqual(expect.objectContaining({ state: 'received', receivedOn: '2094-09-20', dueDate: '2094-10-25', dueAt: endOf('2094-10-25') }));
    expect(signed.dueExplanation).toBe('自收到申请（2094-09-20）次日起算20个工作日（跳过周末7天、中秋节1天、国庆节7天），截止2094-10-25');
    const post = await step('post', office, { step: 'sign' });
    expect(post.receivedOn).toBe('2094-09-17');
    expect(await refusal(step('onTime', office, { step: 'sign' }))).toBe('Conflict');

    for (const name of [...apps.keys()].filter((n) => n !== 'onTime' && n !== 'post')) {
      await step(name, office, { step: 'sign' });
      await step(name, office, { step: 'accept', departmentCode: 'edu' });
    }
    await step('onTime', office, { step: 'accept', departmentCode: 'edu' });
    expect(await row('onTime')).toEqual(expect.objectContaining({ state: 'accepted', received_on: '2094-09-20', due_date: '2094-10-25', clock_stopped: false }));

    // Both replies are drafted, reviewed (保密审查 of what is released) and signed at once; they wait to be delivered.
    for (const name of ['onTime', 'late']) {
      expect(await refusal(step(name, civilDrafter, { step: 'draft-reply', outcome: 'granted' }))).toBe('Forbidden');
      expect((await step(name, drafter, { step: 'draft-reply', outcome: 'granted' })).state).toBe('reply-review');
      expect(await refusal(step(name, leader, { step: 'review-reply', approve: true }))).toBe('Forbidden');
      expect((await step(name, secrecy, { step: 'review-reply', approve: true })).state).toBe('reply-sign-off');
      expect((await step(name, leader, { step: 'sign-off-reply', approve: true })).state).toBe('reply-ready');
    }
    const letter = (await view('onTime')).reply!.letter;
    expect(letter).toContain('申请人onTime');
    expect(letter).toContain('2094-09-20');
    expect(letter).toContain('条例第三十六条第二项');
  });

  it('条例第三十二条、第三十四条 and 国办函〔2020〕109号第七条: a consultation or a fee notice stops the clock', async () => {
    await harness.sleepUntil(at10('2094-09-27'));
    const consulting = await step('thirdParty', drafter, { step: 'start-consultation', kind: 'third-party', party: '某建设公司' });
    expect(consulting).toEqual(expect.objectContaining({ state: 'consultation', clockStopped: true, consultation: expect.objectContaining({ sentOn: '2094-09-27', dueDate: '2094-10-22' }) }));
    expect(consulting.dueAt).toBeUndefined();
    expect(consulting.dueExplanation).toContain('已用4个工作日，尚余16个工作日');
    expect((await step('agency', drafter, { step: 'start-consultation', kind: 'agency', party: '县自然资源局' })).clockStopped).toBe(true);

    expect(await refusal(step('feePaid', office, { step: 'fee-notice', basis: { kind: 'per-page', pages: 30 } }))).toBe('Conflict'); // 30 pages are free
    for (const name of ['feePaid', 'feeUnpaid']) {
      const noticed = await step(name, office, { step: 'fee-notice', basis: { kind: 'per-page', pages: 120 } });
      expect(noticed).toEqual(expect.objectContaining({ state: 'fee', clockStopped: true, fee: expect.objectContaining({ amountYuan: 70 * 10 + 20 * 20, noticeOn: '2094-09-27', payByDate: '2094-10-29' }) }));
    }
    expect(await refusal(step('feePaid', office, { step: 'fee-notice', basis: { kind: 'per-page', pages: 120 } }))).toBe('Conflict');
    expect((await row('feeUnpaid')).clock_stopped).toBe(true);
  });

  it('条例第三十条: a 补正 is asked once within 7 working days, and the clock restarts from the corrected application', async () => {
    await harness.sleepUntil(at10('2094-09-29'));
    for (const name of ['correction', 'noCorrection']) {
      const asked = await step(name, office, { step: 'request-correction', missing: '请写明所需文件的名称或文号', periodWorkingDays: 5 });
      expect(asked).toEqual(expect.objectContaining({ state: 'correction', clockStopped: true, correction: expect.objectContaining({ requestedOn: '2094-09-29', dueDate: '2094-10-12' }) }));
    }
    expect(await refusal(step('correction', office, { step: 'request-correction', missing: '再补一次', periodWorkingDays: 5 }))).toBe('Conflict');

    // 7 working days after 9/20 end on 9/30; after 国庆 it is too late.
    await harness.sleepUntil(at10('2094-10-08'));
    expect(await refusal(step('lateCorrection', office, { step: 'request-correction', missing: '请写明文号', periodWorkingDays: 5 }))).toBe('Conflict');

    await harness.sleepUntil(at10('2094-10-11'));
    const corrected = await step('correction', office, { step: 'correction-received' });
    expect(corrected).toEqual(expect.objectContaining({ state: 'accepted', clockStartOn: '2094-10-11', dueDate: '2094-11-08', clockStopped: false }));
    expect(corrected.dueExplanation).toBe('自收到补正后的申请（2094-10-11）次日起算20个工作日（跳过周末8天），截止2094-11-08');

    // No correction by the end of 10/12: deemed withdrawn, table 三 （六）1.
    await harness.sleepUntil(lateOn('2094-10-12'));
    expect((await view('noCorrection')).state).toBe('correction');
    await harness.sleepUntil(at10('2094-10-13'));
    expect(await view('noCorrection')).toEqual(expect.objectContaining({ state: 'closed', outcome: 'otherNoCorrection', closedOn: '2094-10-13' }));
    expect(await row('noCorrection')).toEqual(expect.objectContaining({ state: 'closed', outcome: 'otherNoCorrection' }));
  });

  it('the stop ends with the answer or the payment, and "why this date" names it', async () => {
    await harness.sleepUntil(at10('2094-10-15'));
    const answered = await step('thirdParty', drafter, { step: 'consultation-answered', opinion: 'disagree', summary: '涉及商业秘密，不同意公开' });
    expect(answered).toEqual(expect.objectContaining({ state: 'accepted', clockStopped: false, dueDate: '2094-11-08', dueAt: endOf('2094-11-08') }));
    expect(answered.dueExplanation).toBe('自收到申请（2094-09-20）次日起算20个工作日（跳过周末10天、中秋节1天；征求第三方意见2094-09-28至2094-10-15（18天）不计算在内），截止2094-11-08');
    const paid = await step('feePaid', office, { step: 'fee-paid' });
    expect(paid).toEqual(expect.objectContaining({ state: 'accepted', dueDate: '2094-11-08', fee: expect.objectContaining({ paidOn: '2094-10-15' }) }));
    expect(paid.dueExplanation).toContain('收费通知至缴费2094-09-28至2094-10-15（18天）不计算在内');
  });

  it('条例第三十三条: one extension of up to 20 working days, approved by the head of the 政府信息公开工作机构', async () => {
    await harness.sleepUntil(at10('2094-10-20'));
    expect((await step('extension', drafter, { step: 'request-extension', reason: '涉及档案调取，需要较长时间', workingDays: 20 })).extension).toEqual(expect.objectContaining({ requestedBy: 'edu.drafter' }));
    expect(await refusal(step('extension', office, { step: 'decide-extension', approve: true }))).toBe('Forbidden');
    expect(await refusal(step('extension', drafter, { step: 'decide-extension', approve: true }))).toBe('Forbidden');
    const approved = await step('extension', officeHead, { step: 'decide-extension', approve: true, comment: '同意延期' });
    expect(approved).toEqual(expect.objectContaining({ dueDate: '2094-11-22', extension: expect.objectContaining({ decision: 'approved', decidedBy: 'office.supervisor' }) }));
    expect(approved.dueExplanation).toContain('经批准延长20个工作日，共40个工作日');
    expect(await refusal(step('extension', drafter, { step: 'request-extension', reason: '再延一次', workingDays: 5 }))).toBe('Conflict');
  });

  it('条例第三十四条: another agency silent for 15 working days is deemed to agree, and the clock resumes', async () => {
    await harness.sleepUntil(at10('2094-10-23'));
    const silent = await view('agency');
    expect(silent).toEqual(expect.objectContaining({ state: 'accepted', clockStopped: false, dueDate: '2094-11-15', consultation: expect.objectContaining({ opinion: 'silent', answeredOn: '2094-10-22' }) }));
    expect((await auditActions('agency')).map((event) => event.action)).toContain('application.consultation-silent');
  });

  it('条例第三十三条: a reply delivered on the last day is on time; one a day late was overdue at the due instant', async () => {
    await harness.sleepUntil(at10('2094-10-25'));
    const reminders = (await harness.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE notification_key LIKE $1`, [`${disclosureApplicationWorkflowId(app('onTime').id)}:reminder:%`])) as { n: number }[];
    expect(reminders[0].n).toBeGreaterThan(0);
    const delivered = await step('onTime', office, { step: 'deliver-reply', method: '电子邮件' });
    expect(delivered).toEqual(expect.objectContaining({ state: 'closed', outcome: 'granted', closedOn: '2094-10-25', late: false, overdue: false }));

    await harness.sleepUntil(at10('2094-10-26'));
    const overdue = (await auditActions('late')).filter((event) => event.action === 'application.overdue');
    expect(overdue).toHaveLength(1);
    expect(Math.abs(overdue[0].occurred_at.getTime() - Date.parse(endOf('2094-10-25')))).toBeLessThan(1_000);
    expect((await row('late')).overdue).toBe(true);
    const late = await step('late', office, { step: 'deliver-reply', method: '邮寄' });
    expect(late).toEqual(expect.objectContaining({ state: 'closed', closedOn: '2094-10-26', late: true, overdue: true }));
    // The extended, the consulted and the paid ones are not overdue: their clocks stopped or moved.
    for (const name of ['extension', 'thirdParty', 'feePaid', 'correction']) expect((await view(name)).overdue).toBe(false);
  });

  it('国办函〔2020〕109号第七条: a fee unpaid 20 working days after the notice withdraws the application', async () => {
    await harness.sleepUntil(lateOn('2094-10-29'));
    expect((await view('feeUnpaid')).state).toBe('fee');
    await harness.sleepUntil(at10('2094-10-30'));
    expect(await view('feeUnpaid')).toEqual(expect.objectContaining({ state: 'closed', outcome: 'otherUnpaidFee', closedOn: '2094-10-30' }));
    expect(await row('feeUnpaid')).toEqual(expect.objectContaining({ outcome: 'otherUnpaidFee', late: false }));
  });
});
