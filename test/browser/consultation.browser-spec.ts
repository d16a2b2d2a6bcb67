import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { BrowserContext } from 'playwright-core';
import { PUBLIC_CONSULTATION_WORKFLOW_TYPE, publicConsultationWorkflowId, type PublicConsultationInput } from '@zwgk/contracts';
import { chinaDateOf } from '@zwgk/domain';
import { checkScreen, launchChromium, signIn, type LaunchedChromium } from '../support/browser';
import { EDU_DECIDERS, releaseThroughReview } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { testServers } from '../support/test-environment';

/**
 * 意见征集 in a real browser: a citizen finds an open consultation on the portal, reads the draft and its
 * 起草说明, and comments on a clause with a contact; the department head moderates it in the staff screen;
 * the consultation's own timer closes it; the drafter records the answer there, the feedback item goes through review (API), and
 * the citizen, coming back, reads which opinion was adopted and why, without their contact anywhere on the
 * page. So that the real timer closes it within the test, the consultation is started straight on Temporal
 * with a period ending 90 s later (the API holds a department to the legal minimum, 30 days here).
 * Each main screen is checked with axe and saved under test-output/screenshots/consultation-*.png.
 */
const TITLE = '县城公共停车收费管理办法（征求意见稿）';
const DRAFT = '第一条 为规范县城公共停车秩序，制定本办法。\n第五条 夜间（22时至次日7时）停车按次收费，每次5元。\n第八条 本办法自发布之日起施行。';

describe('public consultation in a browser', () => {
  let system: RunningSystem;
  let chromium: LaunchedChromium | undefined;
  let context: BrowserContext;
  let origin: string;
  let connection: Connection;

  beforeAll(async () => {
    chromium = await launchChromium('consultation');
    ({ context } = chromium);
    system = await startSystem('consultation-browser');
    origin = system.api.baseUrl.replace(/\/api$/, '');
    connection = await Connection.connect({ address: testServers().temporalAddress });
  }, 300_000);

  afterAll(async () => {
    await connection?.close();
    await chromium?.close();
    await system?.stop();
  });

  it('a citizen comments on an open consultation and later reads the feedback', async () => {
    const consultationId = randomUUID();
    const closesAt = new Date(Date.now() + 90_000);
    const input: PublicConsultationInput = {
      consultationId,
      departmentCode: 'edu',
      kind: 'normative-document',
      title: TITLE,
      draftText: DRAFT,
      explanation: '起草说明：县城机动车保有量逐年增加，夜间停车矛盾突出。本办法明确收费标准和管理职责。',
      affectsMarketEntities: false,
      shortenedReason: '测试用：征集期在测试中缩短',
      minimumBasis: '国办发〔2018〕37号：一般不少于7个工作日',
      openedAt: new Date().toISOString(),
      closesOn: chinaDateOf(closesAt),
      closesAt: closesAt.toISOString(),
      feedbackWorkingDays: 15,
      openedBy: { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] },
      feedbackPollMinutes: 0.02,
    };
    await new TemporalClient({ connection }).workflow.start(PUBLIC_CONSULTATION_WORKFLOW_TYPE, { workflowId: publicConsultationWorkflowId(consultationId), taskQueue: system.taskQueue, args: [input] });
    await system.client.eventually(async () => ((await system.client.request('GET', `/public/consultations/${consultationId}`)).status === 200 ? true : undefined), 'the consultation');

    // The citizen finds it among the open consultations and comments on 第五条.
    const citizen = await context.newPage();
    await citizen.goto(`${origin}/public`);
    await citizen.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '意见征集' }).click();
    await citizen.getByRole('link', { name: TITLE }).first().click();
    await citizen.getByRole('heading', { name: TITLE }).waitFor();
    // 剩余1天, or 2 when the 90 s cross midnight in China.
    await citizen.getByText(/正在征集意见，剩余[12]天（含今日）/).waitFor();
    await citizen.getByRole('heading', { name: '起草说明' }).waitFor();
    // Too short: the field says so, and nothing is sent.
    await citizen.getByLabel('意见建议').fill('太贵');
    await citizen.getByRole('button', { name: '提交意见' }).click();
    await citizen.getByText('请至少填写5个字').waitFor();
    await citizen.getByLabel('针对条款（选填）').fill('第五条');
    await citizen.getByLabel('意见建议').fill('建议夜间停车改为包月，方便周边居民。');
    await citizen.getByLabel('姓名（选填）').fill('李女士');
    await citizen.getByLabel('联系方式（选填）').fill('13700003333');
    await checkScreen(citizen, 'consultation-open');
    await citizen.getByRole('button', { name: '提交意见' }).click();
    await citizen.getByText('意见已收到，经审核后公开显示。', { exact: false }).waitFor();

    // The department head moderates the opinion in the staff screen, where the contact shows.
    const head = await signIn(context, origin, 'edu.reviewer');
    await head.goto(`${origin}/consultations`);
    await head.getByRole('link', { name: TITLE }).first().waitFor();
    await checkScreen(head, 'consultation-staff-list');
    await head.goto(`${origin}/consultations/${consultationId}`);
    await head.getByRole('heading', { name: '公众意见（待审核 1 条）' }).waitFor();
    await head.getByText('联系方式：13700003333', { exact: false }).waitFor();
    await checkScreen(head, 'consultation-moderation');
    await head.getByRole('button', { name: '公开', exact: true }).click();
    await head.getByRole('heading', { name: '公众意见（待审核 0 条）' }).waitFor();
    await system.client.eventually(
      async () => ((await system.client.request('GET', `/consultations/${consultationId}`, { as: 'edu.drafter' })).body.state === 'CLOSED' ? true : undefined),
      'closed by its timer',
      150_000,
    );
    // The drafter answers it; a partly adopted opinion needs its reason.
    const drafter = await signIn(context, origin, 'edu.drafter');
    await drafter.goto(`${origin}/consultations/${consultationId}`);
    await drafter.getByRole('heading', { name: '公布意见采纳情况' }).waitFor();
    await drafter.getByLabel('公开事项目录编码').fill('EDU-001');
    await drafter.getByLabel('总体说明').fill('感谢社会各界的关心和支持，现将意见采纳情况说明如下。');
    await drafter.locator('label.t-radio', { hasText: '部分采纳' }).click();
    await drafter.getByRole('button', { name: '提交审核' }).click();
    await drafter.getByText('部分采纳的意见须说明理由', { exact: false }).waitFor();
    await drafter.getByLabel('理由', { exact: true }).fill('增设包月方式，夜间按次收费保留');
    await drafter.getByRole('button', { name: '提交审核' }).click();
    await drafter.getByRole('link', { name: '采纳情况说明（公开事项）' }).waitFor();
    await checkScreen(drafter, 'consultation-staff');
    const feedback = await system.client.request('GET', `/consultations/${consultationId}`, { as: 'edu.drafter' });
    expect(feedback.body).toMatchObject({ state: 'FEEDBACK_IN_REVIEW', feedbackItemId: expect.any(String) });
    await releaseThroughReview(system.client, feedback.body.feedbackItemId, EDU_DECIDERS, { submitAs: 'edu.drafter', timeoutMs: 60_000 });
    await system.client.eventually(async () => ((await system.client.request('GET', `/public/consultations/${consultationId}`)).body.feedback ? true : undefined), 'the feedback published');

    // Later the citizen comes back: the closed consultation with its feedback, the opinion answered.
    await citizen.goto(`${origin}/public/consultations`);
    await citizen.locator('label', { hasText: '已结束' }).click();
    await citizen.getByRole('link', { name: TITLE }).first().waitFor();
    await checkScreen(citizen, 'consultation-list');
    await citizen.goto(`${origin}/public/consultations/${consultationId}`);
    await citizen.getByRole('heading', { name: '意见采纳情况' }).waitFor();
    await citizen.getByText('部分采纳').waitFor();
    await citizen.getByText('理由：增设包月方式，夜间按次收费保留').waitFor();
    await citizen.getByText('李女士', { exact: false }).waitFor();
    expect(await citizen.getByRole('button', { name: '提交意见' }).count()).toBe(0);
    expect(await citizen.content()).not.toContain('13700003333');
    await checkScreen(citizen, 'consultation-feedback');
    await citizen.getByRole('link', { name: '查看采纳情况说明全文' }).click();
    await citizen.getByRole('heading', { name: `关于《${TITLE}》公开征求意见采纳情况的说明` }).waitFor();
  }, 300_000);
});
