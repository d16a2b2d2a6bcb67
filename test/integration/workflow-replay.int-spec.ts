import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { projectRoot } from '@zwgk/config';
import {
  answerApplicationDemandUpdate,
  APPLICATION_DEMAND_WORKFLOW_TYPE,
  applicationDemandOpenedUpdate,
  applicationDemandWorkflowId,
  closeApplicationDemandUpdate,
  applicationRecordedUpdate,
  applicationStepUpdate,
  completeTaskUpdate,
  DISCLOSURE_APPLICATION_WORKFLOW_TYPE,
  disclosureApplicationWorkflowId,
  DISCLOSURE_ITEM_WORKFLOW_TYPE,
  disclosureItemWorkflowId,
  draftRecordedUpdate,
  extendDeadlineUpdate,
  respondToDemandUpdate,
  reviseUpdate,
  submitForReviewUpdate,
  SUPERVISION_DEMAND_WORKFLOW_TYPE,
  supervisionDemandOpenedUpdate,
  supervisionDemandWorkflowId,
  withdrawUpdate,
  type ActorRef,
  type ApplicationStepRequest,
  type DisclosureItemInput,
} from '@zwgk/contracts';
import { DEMO_CATALOG_VERSION_ID } from '@zwgk/db';
import { parseTimeLimit } from '@zwgk/domain';
import { eduCatalogRow } from '../support/catalog-row';
import { testServers } from '../support/test-environment';
import { startTimeSkippingHarness } from '../support/time-skipping-harness';

/**
 * Replays recorded workflow histories against the current workflow code, so a change that is not
 * deterministic (a reordered command, an activity added without `patched()`) fails CI. The histories
 * are committed fixtures (protobuf, base64 in JSON); `ZWGK_RECORD_HISTORIES=1 npx jest workflow-replay` records those not yet committed from
 * the scenarios below, run on the time-skipping server.
 */
const fixturesDir = path.join(projectRoot, 'test', 'fixtures', 'histories');
const recording = process.env.ZWGK_RECORD_HISTORIES === '1';

const drafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
const reviewer: ActorRef = { username: 'edu.reviewer', displayName: '李初审', departmentCode: 'edu', roles: ['reviewer'] };
const secrecy: ActorRef = { username: 'edu.secrecy', displayName: '赵保密', departmentCode: 'edu', roles: ['secrecy-reviewer'] };
const leader: ActorRef = { username: 'edu.leader', displayName: '孙局长', departmentCode: 'edu', roles: ['leader'] };
const supervisor: ActorRef = { username: 'office.supervisor', displayName: '陈督查', departmentCode: 'office', roles: ['supervisor'] };
const office: ActorRef = { username: 'office.publisher', displayName: '冯公开', departmentCode: 'office', roles: ['disclosure-office'] };

/** The recorder's server clock starts here (Monday 09:00 China time), decades ahead, so a recording never depends on today's date. */
const RECORDING_STARTS_AT = '2096-03-05T01:00:00Z';

function itemInput(itemId: string, title: string, formedAt = '2096-02-20', catalogItem = eduCatalogRow()): DisclosureItemInput {
  return {
    itemId,
    drafter,
    catalogVersionId: DEMO_CATALOG_VERSION_ID,
    catalogItem,
    title,
    body: '正文',
    formedAt,
    channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'],
  };
}

describe('recorded workflow histories', () => {
  // Shown as skipped in an ordinary run, so that nobody takes the recording for tested when it did not run.
  (recording ? it : it.skip)('records the scenarios (ZWGK_RECORD_HISTORIES=1)', async () => {
    const harness = await startTimeSkippingHarness('record', undefined, { startAt: RECORDING_STARTS_AT });
    const { env, taskQueue } = harness;
    try {
      const inputs = new Map<string, DisclosureItemInput>();
      const start = async (title: string, formedAt?: string, catalogItem?: DisclosureItemInput['catalogItem']) => {
        const itemId = randomUUID();
        const input = itemInput(itemId, title, formedAt, catalogItem);
        inputs.set(disclosureItemWorkflowId(itemId), input);
        const handle = await env.client.workflow.start(DISCLOSURE_ITEM_WORKFLOW_TYPE, { workflowId: disclosureItemWorkflowId(itemId), taskQueue, args: [input] });
        await handle.executeUpdate(draftRecordedUpdate);
        return handle;
      };
      type ItemHandle = Awaited<ReturnType<typeof start>>;
      /** The run that released the item (it completes once nothing is left to time), before any re-opening. */
      const releasedRuns = new Map<ItemHandle, string>();
      /**
       * Withdraws a released item the way the API does: its workflow has completed, so update-with-start
       * starts it again from the read model's record of the release.
       */
      const withdrawReleased = async (handle: ItemHandle, reason: string) => {
        // Released, with nothing left to time: the run completes. Polled, not awaited with result(), which
        // would let the time-skipping server run its clock ahead.
        let description = await handle.describe();
        for (let poll = 0; description.status.name === 'RUNNING' && poll < 100; poll++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          description = await handle.describe();
        }
        expect(description.status.name).toBe('COMPLETED');
        releasedRuns.set(handle, description.runId);
        const input = inputs.get(handle.workflowId)!;
        const [item] = await harness.dataSource.query(
          `SELECT i.revision, i.release_due_at, i.release_due_explanation, i.release_due_provisional, i.released_at, e.edition, e.revision AS edition_revision,
                  e.title, e.body, e.content_hash, e.released_at AS edition_released_at
             FROM disclosure_items i JOIN item_editions e ON e.item_id = i.id AND e.edition = i.current_edition WHERE i.id = $1`,
          [input.itemId],
        );
        const content = { title: item.title as string, body: item.body as string };
        const resume = {
          state: 'RELEASED' as const,
          revision: item.revision as number,
          edition: item.edition as number,
          content,
          releasedAt: (item.released_at as Date).toISOString(),
          releaseDeadline: { dueAt: (item.release_due_at as Date).toISOString(), dueDate: (item.release_due_at as Date).toISOString().slice(0, 10), provisional: item.release_due_provisional as boolean, explanation: item.release_due_explanation as string, calendarVersion: 'read-model' },
          lastRelease: { edition: item.edition as number, revision: item.edition_revision as number, content, contentHash: item.content_hash as string, releasedAt: (item.edition_released_at as Date).toISOString() },
        };
        const startWorkflowOperation = new WithStartWorkflowOperation(DISCLOSURE_ITEM_WORKFLOW_TYPE, {
          workflowId: handle.workflowId,
          taskQueue,
          args: [{ ...input, resume }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        });
        await env.client.workflow.executeUpdateWithStart(withdrawUpdate, { args: [{ actor: drafter, reason }], startWorkflowOperation });
      };
      const approveAll = async (handle: Awaited<ReturnType<typeof start>>, view: { openTask?: { taskId: string; stage: string } }) => {
        let current = view;
        for (const actor of [reviewer, secrecy, leader]) current = await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: current.openTask!.taskId, actor, decision: 'approve' }] });
        return current;
      };
      // 1. Released on every channel, then withdrawn.
      const released = await start('回放：发布与撤回');
      await approveAll(released, await released.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] }));
      await withdrawReleased(released, '回放测试撤回');
      // 2. Returned, revised, resubmitted, then rejected.
      const rejected = await start('回放：退回与不予公开');
      const first = await rejected.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
      await rejected.executeUpdate(completeTaskUpdate, { args: [{ taskId: first.openTask!.taskId, actor: reviewer, decision: 'return', comment: '补充' }] });
      await rejected.executeUpdate(reviseUpdate, { args: [{ actor: drafter, body: '正文第二版' }] });
      const second = await rejected.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
      await rejected.executeUpdate(completeTaskUpdate, { args: [{ taskId: second.openTask!.taskId, actor: reviewer, decision: 'reject', comment: '不予公开' }] });
      // 3. Overdue, extended, overdue again, then released.
      const late = await start('回放：逾期与延期');
      const opened = await late.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
      await env.sleep('5 days');
      await late.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, target: opened.openTask!.taskId, workingDays: 2, reason: '回放测试延期' }] });
      await env.sleep('5 days');
      await approveAll(late, await late.query('disclosureItemView'));
      await withdrawReleased(late, '回放测试撤回');

      // 4. A supervisor's demand (督办) on an item: left unanswered past its due time, then answered late.
      const demandId = randomUUID();
      const demand = await env.client.workflow.start(SUPERVISION_DEMAND_WORKFLOW_TYPE, {
        workflowId: supervisionDemandWorkflowId(demandId),
        taskQueue,
        args: [{ demandId, itemId: late.workflowId.replace(/^disclosure-item-/, ''), itemTitle: '回放：逾期与延期', departmentCode: 'edu', reason: '回放测试督办', dueWorkingDays: 2, demandedBy: supervisor }],
      });
      await demand.executeUpdate(supervisionDemandOpenedUpdate);
      await env.sleep('10 days');
      await demand.executeUpdate(respondToDemandUpdate, { args: [{ demandId, actor: reviewer, response: '回放测试答复' }] });

      // 5. The release deadline's own timer: reminded, statutory-overdue in review, extended ahead (re-armed:
      // no longer overdue, reminded again), overdue again, then released late and withdrawn. Formed on the
      // server's day (after the scenarios above moved its clock), so that its 20 working days lie ahead.
      const today = new Date((await env.currentTimeMs()) + 8 * 3_600_000).toISOString().slice(0, 10);
      const statutory = await start('回放：法定时限逾期与延期', today);
      const reviewing = await statutory.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
      await env.sleep('45 days');
      await statutory.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, target: 'release', workingDays: 30, reason: '回放测试法定时限延期' }] });
      await env.sleep('60 days');
      await approveAll(statutory, reviewing);
      await withdrawReleased(statutory, '回放测试撤回');

      // 6. An application for disclosure through every step that tells the applicant: receipt, 补正,
      // extension, fee notice and reply (received on the server's day, as scenario 5).
      const applicationId = randomUUID();
      const applicationDay = new Date((await env.currentTimeMs()) + 8 * 3_600_000).toISOString().slice(0, 10);
      await harness.dataSource.query(
        `INSERT INTO disclosure_applications (id, query_number, verification_hash, workflow_id, office_department_code, channel, applicant_type,
           applicant_name, id_document, contact_phone, description, delivery_form, submitted_on)
         VALUES ($1, $2, 'x', $3, 'office', 'in-person', 'naturalPerson', '回放申请人', $4, '13900000000', '回放测试申请内容', '电子邮件', $5)`,
        [applicationId, `YSQ-R${applicationId.slice(0, 8)}`, disclosureApplicationWorkflowId(applicationId), `ID-R-${applicationId.slice(0, 6)}`, applicationDay],
      );
      const application = await env.client.workflow.start(DISCLOSURE_APPLICATION_WORKFLOW_TYPE, {
        workflowId: disclosureApplicationWorkflowId(applicationId),
        taskQueue,
        args: [{ applicationId, queryNumber: `YSQ-R${applicationId.slice(0, 8)}`, channel: 'in-person', applicantType: 'naturalPerson', submittedOn: applicationDay, officeDepartmentCode: 'office' }],
      });
      await application.executeUpdate(applicationRecordedUpdate);
      const applicationSteps: ApplicationStepRequest[] = [
        { step: 'sign', actor: office },
        { step: 'accept', actor: office, departmentCode: 'edu' },
        { step: 'request-correction', actor: office, missing: '回放测试补正事项', periodWorkingDays: 5 },
        { step: 'correction-received', actor: office },
        { step: 'request-extension', actor: drafter, reason: '回放测试延期', workingDays: 10 },
        { step: 'decide-extension', actor: supervisor, approve: true, comment: '同意' },
        { step: 'fee-notice', actor: office, basis: { kind: 'per-page', pages: 50 } },
        { step: 'fee-paid', actor: office },
        { step: 'draft-reply', actor: drafter, outcome: 'granted' },
        { step: 'review-reply', actor: secrecy, approve: true },
        { step: 'sign-off-reply', actor: leader, approve: true },
        { step: 'deliver-reply', actor: office, method: '电子邮件' },
      ] as ApplicationStepRequest[];
      for (const request of applicationSteps) await application.executeUpdate(applicationStepUpdate, { args: [request] });

      // 7. Under a rule with a 公示期: the release deadline extended in review (patched 'extension-keeps-release-rule'),
      // then released; the publicity period's timer closes it and the run completes (formed on the server's day).
      const publicityText = '信息形成之日起20个工作日内，公示7个工作日';
      const publicityDay = new Date((await env.currentTimeMs()) + 8 * 3_600_000).toISOString().slice(0, 10);
      const publicized = await start('回放：延期后公示', publicityDay, eduCatalogRow({ timeLimit: { text: publicityText, rule: parseTimeLimit(publicityText).rule } }));
      const publicizedReview = await publicized.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
      await publicized.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, target: 'release', workingDays: 5, reason: '回放测试公示前延期' }] });
      await approveAll(publicized, publicizedReview);

      // 9. 签发 with a release time ahead: signed now, released by its timer on the one release activity
      // (patched 'release-in-one-activity'; an immediate 签发 releases in its own step, 'sign-off-releases').
      const scheduled = await start('回放：定时发布');
      let scheduledView = await scheduled.executeUpdate(submitForReviewUpdate, { args: [{ actor: drafter }] });
      for (const actor of [reviewer, secrecy]) scheduledView = await scheduled.executeUpdate(completeTaskUpdate, { args: [{ taskId: scheduledView.openTask!.taskId, actor, decision: 'approve' }] });
      const releaseAt = new Date((await env.currentTimeMs()) + 86_400_000).toISOString();
      await scheduled.executeUpdate(completeTaskUpdate, { args: [{ taskId: scheduledView.openTask!.taskId, actor: leader, decision: 'approve', releaseAt }] });
      await env.sleep('2 days');

      // 8. A 督办 on that application: reminded, overdue, answered late, closed by the supervisor.
      const applicationDemandId = randomUUID();
      const demandDueDate = new Date((await env.currentTimeMs()) + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10);
      const applicationDemand = await env.client.workflow.start(APPLICATION_DEMAND_WORKFLOW_TYPE, {
        workflowId: applicationDemandWorkflowId(applicationDemandId),
        taskQueue,
        args: [{
          demandId: applicationDemandId, applicationId, queryNumber: `YSQ-R${applicationId.slice(0, 8)}`, departmentCode: 'edu', officeDepartmentCode: 'office',
          reason: '回放测试督办', dueDate: demandDueDate, dueAt: `${demandDueDate}T15:59:59.999Z`, demandedBy: supervisor,
        }],
      });
      await applicationDemand.executeUpdate(applicationDemandOpenedUpdate);
      await env.sleep('10 days');
      await applicationDemand.executeUpdate(answerApplicationDemandUpdate, { args: [{ demandId: applicationDemandId, actor: reviewer, situation: '回放测试说明情况', measures: '回放测试整改措施' }] });
      await applicationDemand.executeUpdate(closeApplicationDemandUpdate, { args: [{ demandId: applicationDemandId, actor: supervisor, remark: '回放测试办结' }] });

      const recorded: string[] = [];
      // Since the lean item (patched 'lean-item'), a released item's run completes at the release and a
      // withdrawal runs in a run of its own: both are recorded. The histories older code wrote stay, under their names.
      const releasedRun = (handle: ItemHandle) => env.client.workflow.getHandle(handle.workflowId, releasedRuns.get(handle));
      // The item's scenarios are recorded under the name of the latest change to its histories: 'at-once-' since a
      // new run asks for every item patch with one marker ('every-item-patch-at-once'). The 'one-step-' (one release
      // activity, 签发 releasing in its own step, the draft step computing its deadline, the overdue path in one step),
      // 'lean-' and older fixtures are what earlier code wrote, replayed as they are.
      const scenarios = [
        ['at-once-released', releasedRun(released)],
        ['at-once-reopened-and-withdrawn', released],
        ['at-once-returned-revised-rejected', rejected],
        ['at-once-overdue-extended-released', releasedRun(late)],
        ['demand-overdue-answered', demand],
        ['at-once-release-overdue-extended-released-late', releasedRun(statutory)],
        ['application-notified-corrected-extended-fee-replied', application],
        ['at-once-release-extended-publicity-ended', publicized],
        ['application-demand-reminded-overdue-answered-closed', applicationDemand],
        ['at-once-scheduled-release', scheduled],
      ] as const;
      for (const [name, handle] of scenarios) {
        await handle.result();
        const history = await handle.fetchHistory();
        // A fixture is worth keeping only if its workflow ran to the end and the current code replays it.
        expect([name, history.events?.at(-1)?.eventType]).toEqual([name, temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED]);
        await expect(Worker.runReplayHistory({ workflowBundle: { codePath: testServers().workflowBundlePath } }, history, `recorded-${name}`)).resolves.toBeUndefined();
        // A fixture already committed is a history older code wrote, which the current code must go on replaying:
        // it is kept, unless ZWGK_RECORD_HISTORIES_OVERWRITE=1 asks for every one afresh.
        if (existsSync(path.join(fixturesDir, `${name}.json`)) && process.env.ZWGK_RECORD_HISTORIES_OVERWRITE !== '1') continue;
        const encoded = temporal.api.history.v1.History.encode(history).finish();
        writeFileSync(path.join(fixturesDir, `${name}.json`), `${JSON.stringify({ scenario: name, encoding: 'protobuf-base64', history: Buffer.from(encoded).toString('base64') }, null, 2)}\n`);
        recorded.push(name);
      }
      expect(recorded.length).toBeLessThanOrEqual(scenarios.length); // every scenario ran to the end and replayed, above
    } finally {
      await harness.stop();
    }
  }, 240_000);

  const fixtures = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((name) => name.endsWith('.json')).sort() : [];

  it('has recorded histories to replay', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
  });

  it.each(fixtures)('replays %s with the current workflow code', async (name) => {
    const fixture = JSON.parse(readFileSync(path.join(fixturesDir, name), 'utf8')) as { history: string };
    const history = temporal.api.history.v1.History.decode(Buffer.from(fixture.history, 'base64'));
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: testServers().workflowBundlePath } }, history, `replay-${name}`)).resolves.toBeUndefined();
  });

  // Each change's fixture depends on its patch: with the patch id renamed in the bundle, patched() answers false
  // on replay, the old commands come back, and the history no longer replays. A fixture that replayed anyway
  // would not be recording the change it is named for.
  it.each([
    ['release-in-one-activity', 'one-step-scheduled-release'],
    ['sign-off-releases', 'one-step-released'],
    ['draft-step-computes-deadline', 'one-step-released'],
    ['release-overdue-in-one-step', 'one-step-release-overdue-extended-released-late'],
    ['every-item-patch-at-once', 'at-once-released'],
    ['every-item-patch-at-once', 'at-once-scheduled-release'],
  ])('with patch %s forced off, %s no longer replays', async (patchId, name) => {
    const code = readFileSync(testServers().workflowBundlePath, 'utf8');
    const literal = new RegExp(`(['"])${patchId}\\1`, 'g');
    expect(code.match(literal)?.length ?? 0).toBeGreaterThanOrEqual(1);
    const forcedOff = code.replace(literal, `$1${patchId}:forced-off$1`);
    const fixture = JSON.parse(readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8')) as { history: string };
    const history = temporal.api.history.v1.History.decode(Buffer.from(fixture.history, 'base64'));
    await expect(Worker.runReplayHistory({ workflowBundle: { code: forcedOff } }, history, `forced-off-${patchId}`)).rejects.toThrow(/[Nn]ondeterminism|[Dd]eterminism/);
  });
});
