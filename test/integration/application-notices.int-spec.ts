import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowHandle } from '@temporalio/client';
import { loadConfig } from '@zwgk/config';
import {
  applicationRecordedUpdate,
  applicationStepUpdate,
  DISCLOSURE_APPLICATION_WORKFLOW_TYPE,
  disclosureApplicationWorkflowId,
  type ActorRef,
  type ApplicationStepRequest,
  type ApplicationView,
  type DisclosureApplicationInput,
} from '@zwgk/contracts';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar } from '@zwgk/domain';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

interface Received {
  path: string;
  key: string;
  body: { to: string[]; subject: string; text: string; kind: string };
}

const office: ActorRef = { username: 'office.publisher', displayName: '冯公开（政务公开办）', departmentCode: 'office', roles: ['disclosure-office'] };
const officeHead: ActorRef = { username: 'office.supervisor', displayName: '陈督查（政务公开办）', departmentCode: 'office', roles: ['supervisor'] };
const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草（教育局）', departmentCode: 'edu', roles: ['drafter'] };
const secrecy: ActorRef = { username: 'edu.secrecy', displayName: '赵保密（教育局）', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
const leader: ActorRef = { username: 'edu.leader', displayName: '孙局长（教育局）', departmentCode: 'edu', roles: ['leader'] };

type Step = ApplicationStepRequest extends infer R ? (R extends { actor: ActorRef } ? Omit<R, 'actor'> : never) : never;

/**
 * The applicant hears of receipt, 补正, extension, fee notice and reply by the configured e-mail and SMS
 * gateways. A local HTTP server stands in for the county's mail relay and 短信平台 (it keeps one message
 * per Idempotency-Key, as a gateway does); Temporal (time-skipping) and the database are the real ones.
 * Every step is taken at 10:00 China time on Monday 2095-03-07 or later, whatever today is.
 */
describe('notices to the applicant of an application for disclosure', () => {
  let harness: TimeSkippingHarness;
  let gateway: Server;
  const received: Received[] = [];
  const failingPaths = new Set<string>();

  beforeAll(async () => {
    gateway = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        const key = String(request.headers['idempotency-key']);
        const path = request.url ?? '';
        if (failingPaths.has(path)) {
          response.statusCode = 503;
          return response.end('{}');
        }
        if (!received.some((r) => r.key === key)) received.push({ path, key, body: JSON.parse(text) });
        response.statusCode = 200;
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    const base = loadConfig();
    harness = await startTimeSkippingHarness('application-notices', undefined, {
      calendar: new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES),
      startAt: '2095-03-07T02:00:00Z',
      config: { ...base, notifications: { emailGatewayUrl: `${url}/mail`, smsGatewayUrl: `${url}/sms`, gatewayToken: 'test-token' } },
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await new Promise((resolve) => gateway?.close(resolve));
  });

  async function apply(contact: { phone?: string; email?: string }): Promise<{ id: string; handle: WorkflowHandle }> {
    const id = randomUUID();
    const queryNumber = `YSQ-N${id.slice(0, 8)}`;
    const input: DisclosureApplicationInput = { applicationId: id, queryNumber, channel: 'in-person', applicantType: 'naturalPerson', submittedOn: '2095-03-07', officeDepartmentCode: 'office' };
    await harness.dataSource.query(
      `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type,
         applicant_name, id_document, contact_phone, contact_email, description, delivery_form, submitted_on)
       VALUES ($1, $2, 'x', $3, 'office', 'in-person', 'naturalPerson', '申请人通知', $4, $5, $6, '某校2095年招生计划', '电子邮件', '2095-03-07')`,
      [id, queryNumber, disclosureApplicationWorkflowId(id), `ID-N-${id.slice(0, 6)}`, contact.phone ?? null, contact.email ?? null],
    );
    const handle = await harness.env.client.workflow.start(DISCLOSURE_APPLICATION_WORKFLOW_TYPE, { workflowId: disclosureApplicationWorkflowId(id), taskQueue: harness.taskQueue, args: [input] });
    await handle.executeUpdate(applicationRecordedUpdate);
    return { id, handle };
  }
  const step = (handle: WorkflowHandle, actor: ActorRef, request: Step): Promise<ApplicationView> =>
    handle.executeUpdate(applicationStepUpdate, { args: [{ ...request, actor } as ApplicationStepRequest] });
  const timeline = async (id: string) =>
    (await harness.dataSource.query(`SELECT action, reason, detail FROM audit_events WHERE detail->>'applicationId' = $1 AND action LIKE 'application.applicant-%' ORDER BY id`, [id])) as {
      action: string;
      reason: string | null;
      detail: { notice: string; delivered: string[]; failed: string[] };
    }[];

  it('tells the applicant by e-mail and SMS at receipt, 补正, extension, fee notice and reply, once per step, and records each on the timeline', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const email = `applicant-${randomUUID().slice(0, 8)}@example.cn`;
    const { id, handle } = await apply({ phone, email });
    const workflowId = disclosureApplicationWorkflowId(id);

    const signed = await step(handle, office, { step: 'sign' });
    await step(handle, office, { step: 'accept', departmentCode: 'edu' });
    await step(handle, office, { step: 'request-correction', missing: '请写明所需文件的文号', periodWorkingDays: 5 });
    await step(handle, office, { step: 'correction-received' });
    await step(handle, drafter, { step: 'request-extension', reason: '涉及档案调取', workingDays: 10 });
    const extended = await step(handle, officeHead, { step: 'decide-extension', approve: true, comment: '同意' });
    const fee = await step(handle, office, { step: 'fee-notice', basis: { kind: 'per-page', pages: 50 } });
    await step(handle, office, { step: 'fee-paid' });
    await step(handle, drafter, { step: 'draft-reply', outcome: 'granted' });
    await step(handle, secrecy, { step: 'review-reply', approve: true });
    await step(handle, leader, { step: 'sign-off-reply', approve: true });
    expect((await step(handle, office, { step: 'deliver-reply', method: '电子邮件' })).state).toBe('closed');

    const mine = received.filter((r) => r.key.includes(workflowId));
    const notices = ['receipt', 'correction', 'extension', 'fee', 'reply'];
    expect(mine.map((r) => [r.path, r.key, r.body.to])).toEqual(
      notices.flatMap((notice) => [
        ['/mail', `email:${workflowId}:applicant:${notice}`, [email]],
        ['/sms', `sms:${workflowId}:applicant:${notice}`, [phone]],
      ]),
    );
    const text = (notice: string) => mine.find((r) => r.key === `sms:${workflowId}:applicant:${notice}`)!.body.text;
    expect(text('receipt')).toContain(`答复期限${signed.dueDate}`);
    expect(text('correction')).toContain('请写明所需文件的文号');
    expect(text('extension')).toContain(`延长10个工作日，至${extended.dueDate}`);
    expect(text('fee')).toContain(`${fee.fee!.amountYuan}元`);
    expect(text('reply')).toContain('已作出答复');
    expect(mine[0].body).toMatchObject({ kind: 'application-receipt', subject: expect.stringContaining('YSQ-N') });

    expect((await timeline(id)).map((event) => [event.action, event.detail.notice, event.detail.delivered])).toEqual(
      notices.map((notice) => ['application.applicant-notified', notice, ['email', 'sms']]),
    );
    // The contact is read by the activity from the row: neither address is in the workflow's history.
    const history = JSON.stringify(await handle.fetchHistory());
    expect(history).not.toContain(phone);
    expect(history).not.toContain(email);
  });

  it('uses only the channels the applicant gave, and puts a failed gateway on the timeline for staff', async () => {
    failingPaths.add('/sms');
    try {
      const phoneOnly = await apply({ phone: '13900000002' });
      await step(phoneOnly.handle, office, { step: 'sign' });
      expect(await timeline(phoneOnly.id)).toEqual([
        expect.objectContaining({ action: 'application.applicant-not-notified', reason: expect.stringContaining('其他方式告知'), detail: expect.objectContaining({ notice: 'receipt', delivered: [], failed: ['sms'] }) }),
      ]);
    } finally {
      failingPaths.delete('/sms');
    }
    const emailOnly = await apply({ email: 'only-mail@example.cn' });
    await step(emailOnly.handle, office, { step: 'sign' });
    const workflowId = disclosureApplicationWorkflowId(emailOnly.id);
    expect(received.filter((r) => r.key.includes(workflowId)).map((r) => r.path)).toEqual(['/mail']);
    expect((await timeline(emailOnly.id)).map((event) => event.detail.delivered)).toEqual([['email']]);
  });
});
