import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  completeTaskUpdate,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  FailureType,
  submitForReviewUpdate,
  type ActorRef,
  type DisclosureItemInput,
  type DisclosureItemView,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { STAGE_ROLE, type ReviewStage } from '@zwgk/domain';
import { queryInbox, queryInboxCounts, type InboxCountsRow, type InboxRow } from '../../apps/api/src/tasks/inbox-query';
import { eduCatalogRow } from '../support/catalog-row';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * Separation of duties is a rule of the item's workflow, whatever roles a person holds: the drafter decides
 * no stage of their own item, and nobody decides two stages of one revision (四眼原则). A normative document
 * goes to review only with its interpretation (三同步). The server's clock starts at a fixed instant, the day
 * after the items are formed, so no timer of theirs fires during the test whatever today's date is.
 */
describe('separation of duties and the normative-document gate', () => {
  let harness: TimeSkippingHarness;

  const EVERY_REVIEW_ROLE = ['reviewer', 'secrecy-reviewer', 'legal-reviewer', 'leader'] as const;
  const suffix = randomUUID().slice(0, 6);
  const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const headOfEverything: ActorRef = { username: `edu.sod-all-${suffix}`, displayName: '全角色', departmentCode: 'edu', roles: [...EVERY_REVIEW_ROLE] };
  const drafterWithEveryRole: ActorRef = { username: `edu.sod-drafting-head-${suffix}`, displayName: '起草兼全角色', departmentCode: 'edu', roles: ['drafter', ...EVERY_REVIEW_ROLE] };
  /** One person per stage, each with that stage's role only. */
  const single = (stage: ReviewStage): ActorRef => ({ username: `edu.sod-${stage}-${suffix}`, displayName: `仅${stage}`, departmentCode: 'edu', roles: [STAGE_ROLE[stage]] });
  const STAGES: ReviewStage[] = ['preliminary-review', 'confidentiality-review', 'legality-review', 'sign-off'];

  beforeAll(async () => {
    // The deciders exist as users (their decisions name them), with no stored roles: the workflow judges the
    // roles the request carries, and no other suite's role lookups (delegates, notices) ever find them.
    harness = await startTimeSkippingHarness('separation-of-duties', async (dataSource) => {
      for (const actor of [headOfEverything, drafterWithEveryRole, ...STAGES.map(single)]) {
        await dataSource.query(`INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $2, 'edu', '{}') ON CONFLICT DO NOTHING`, [actor.username, actor.displayName]);
      }
    }, { startAt: '2090-03-07T01:00:00Z' });
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
  });

  async function startItem(title: string, extra: Partial<DisclosureItemInput> = {}, itemDrafter: ActorRef = drafter): Promise<WorkflowHandle> {
    const itemId = randomUUID();
    const input: DisclosureItemInput = {
      itemId,
      drafter: itemDrafter,
      catalogVersionId: DEMO_CATALOG_VERSION_ID,
      catalogItem: eduCatalogRow(),
      title,
      body: '正文',
      formedAt: '2090-03-06',
      channels: ['政府网站'],
      ...extra,
    };
    const handle = await harness.env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue: harness.taskQueue, args: [input] });
    await handle.executeUpdate(draftRecordedUpdate);
    return handle;
  }

  const decide = (handle: WorkflowHandle, view: DisclosureItemView, actor: ActorRef, decision: 'approve' | 'return' = 'approve') =>
    handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: view.openTask!.taskId, actor, decision, ...(decision === 'return' ? { comment: '请补充' } : {}) }] });

  async function refusalOf(update: Promise<unknown>): Promise<ApplicationFailure> {
    const error = await update.then(() => { throw new Error('the update was applied'); }, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause).toBeInstanceOf(ApplicationFailure);
    return (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  }

  it('lets a person who holds every role decide one stage of a revision, never two; a new revision starts afresh', async () => {
    const handle = await startItem('四眼原则测试');
    let view = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    const firstStage = view.openTask!.stage;
    view = await decide(handle, view, headOfEverything);
    expect(view.openTask!.stage).not.toBe(firstStage);

    // Every later stage of this revision: refused to the same person, whatever role it needs.
    const chainAfterFirst: ReviewStage[] = [];
    while (view.openTask) {
      const refusal = await refusalOf(decide(handle, view, headOfEverything));
      expect(refusal.type).toBe(FailureType.Forbidden);
      expect(refusal.message).toMatch(/四眼原则/);
      chainAfterFirst.push(view.openTask.stage);
      if (view.openTask.stage === 'sign-off') break;
      view = await decide(handle, view, single(view.openTask.stage));
    }
    expect(chainAfterFirst).toEqual(expect.arrayContaining(['confidentiality-review', 'sign-off']));

    // 签发 returns it: the next revision's first stage may be decided by the same person again.
    const returned = await decide(handle, view, single('sign-off'), 'return');
    expect(returned.state).toBe('RETURNED');
    view = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    expect(view.revision).toBe(returned.revision);
    view = await decide(handle, view, headOfEverything);
    expect(view.state).toBe('IN_REVIEW');
    expect((await refusalOf(decide(handle, view, headOfEverything))).message).toMatch(/四眼原则/);
  });

  it('does not list in the inbox a task the four-eyes rule would refuse its viewer', async () => {
    // The inbox runs exactly the API's SQL on the database the workflow's activities write.
    const inboxOf = async (viewer: ActorRef) => {
      const run = <T>(text: string, values: unknown[]) => harness.dataSource.query(text, values) as Promise<T[]>;
      const now = new Date(await harness.env.currentTimeMs());
      // Only tasks due in 2090 (this suite's): the shared database holds other suites' tasks in the same pools.
      const page = await queryInbox((text, values) => run<InboxRow>(text, values), viewer, {
        filters: { state: 'open', dueBefore: '2091-01-01T00:00:00.000Z' },
        after: { dueAt: '2090-01-01T00:00:00.000Z', priority: 0, id: '00000000-0000-0000-0000-000000000000' },
        limit: 200,
        now,
      });
      // The badge's query carries the same filter; its number depends on other suites' tasks, so only that it runs.
      const counts = await queryInboxCounts((text, values) => run<InboxCountsRow>(text, values), viewer, now);
      expect(counts.open).toEqual(expect.any(Number));
      return { taskIds: page.items.map((task) => task.id) };
    };
    const handle = await startItem('四眼原则：待办不列出');
    let view = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    const firstTask = view.openTask!.taskId;
    const before = await inboxOf(headOfEverything);
    expect(before.taskIds).toContain(firstTask);

    view = await decide(handle, view, headOfEverything);
    const secondTask = view.openTask!.taskId;
    // The next stage is in a pool of one of this person's roles, and a colleague with only that role sees it...
    expect((await inboxOf(single(view.openTask!.stage))).taskIds).toContain(secondTask);
    // ...but the one who approved the previous stage of this revision does not.
    const after = await inboxOf(headOfEverything);
    expect(after.taskIds).not.toContain(secondTask);
    expect(after.taskIds).not.toContain(firstTask);

    // The drafter never sees a stage of their own item, whatever roles they hold.
    const own = await startItem('四眼原则：起草人待办', {}, drafterWithEveryRole);
    const submitted = await own.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafterWithEveryRole }] });
    expect((await inboxOf(drafterWithEveryRole)).taskIds).not.toContain(submitted.openTask!.taskId);
    expect((await inboxOf(single(submitted.openTask!.stage))).taskIds).toContain(submitted.openTask!.taskId);
  });

  it('refuses the drafter every stage of their own item, even holding every role', async () => {
    const handle = await startItem('起草人全角色测试', {}, drafterWithEveryRole);
    let view = await handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafterWithEveryRole }] });
    while (view.openTask) {
      const refusal = await refusalOf(decide(handle, view, drafterWithEveryRole));
      expect(refusal.type).toBe(FailureType.Forbidden);
      expect(refusal.message).toMatch(/起草人/);
      if (view.openTask.stage === 'sign-off') break;
      view = await decide(handle, view, single(view.openTask.stage));
    }
  });

  it('refuses to submit a normative document without its interpretation, and takes it with one', async () => {
    const handle = await startItem('规范性文件测试', { normativeDocument: true });
    const refusal = await refusalOf(handle.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] }));
    expect(refusal.type).toBe(FailureType.InvalidInput);
    expect(refusal.message).toMatch(/规范性文件须与其政策解读同步报审/);
    expect(refusal.details).toEqual([{ fields: ['interpretation'] }]);

    const withInterpretation = await startItem('规范性文件测试（附解读）', { normativeDocument: true, interpretation: '一图读懂：本文件的主要内容。' });
    const view = await withInterpretation.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
    expect(view.state).toBe('IN_REVIEW');
    expect(view.reviewChain).toContain('legality-review');
  });
});
