import { randomBytes, randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { WorkflowUpdateFailedError, WithStartWorkflowOperation } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import {
  activateRoundUpdate,
  CATALOG_COMPILATION_WORKFLOW_TYPE,
  catalogCompilationWorkflowId,
  compilationRoundOpenedUpdate,
  decideRoundUpdate,
  reviewProposalUpdate,
  submitProposalUpdate,
  type ActorRef,
  type CatalogCompilationInput,
  type CatalogRowProposal,
  type ProposedCatalogRow,
} from '@zwgk/contracts';
import { projectRoot } from '@zwgk/config';
import { connectAndMigrate, createDataSource, DEMO_CATALOG_VERSION_ID, seedDemoData } from '@zwgk/db';
import { PUBLISHED_HOLIDAY_TABLES, WorkingDayCalendar } from '@zwgk/domain';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';
import { testServers } from '../support/test-environment';

/**
 * A compilation round of the standard catalog on its own durable timers, on the time-skipping server with
 * the real activities. The round activates a new catalog version, which every suite reads, so it runs on a
 * database of its own, migrated and seeded here. The clock is pinned in 2093; the calendar is fixed.
 */
describe('a catalog compilation round', () => {
  const office: ActorRef = { username: 'office.publisher', displayName: '冯公开', departmentCode: 'office', roles: ['disclosure-office'] };
  const eduDrafter: ActorRef = { username: 'edu.drafter', displayName: '王起草', departmentCode: 'edu', roles: ['drafter'] };
  const civilDrafter: ActorRef = { username: 'civil.drafter', displayName: '周起草', departmentCode: 'civil', roles: ['drafter'] };
  const legal: ActorRef = { username: 'office.legal', displayName: '法审（公开办）', departmentCode: 'office', roles: ['legal-reviewer'] };
  const leader: ActorRef = { username: 'office.leader', displayName: '分管领导', departmentCode: 'office', roles: ['leader'] };

  let admin: PgClient;
  let databaseName: string;
  let setup: DataSource;
  let harness: TimeSkippingHarness;

  beforeAll(async () => {
    const shared = new URL(testServers().databaseUrl);
    databaseName = `zwgk_compile_${randomBytes(4).toString('hex')}`;
    admin = new PgClient({ connectionString: shared.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    const own = new URL(shared.toString());
    own.pathname = `/${databaseName}`;
    setup = createDataSource(own.toString());
    await connectAndMigrate(setup);
    await seedDemoData(setup, path.join(projectRoot, 'data', 'catalogs'));
    for (const actor of [legal, leader]) {
      await setup.query(`INSERT INTO users (username, display_name, department_code, roles) VALUES ($1, $2, $3, $4)`, [actor.username, actor.displayName, actor.departmentCode, actor.roles]);
    }
    // Monday 2093-03-02, 09:00 in China.
    harness = await startTimeSkippingHarness('compilation', undefined, { calendar: new WorkingDayCalendar(PUBLISHED_HOLIDAY_TABLES), startAt: '2093-03-02T01:00:00Z', databaseUrl: own.toString() });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await setup?.destroy();
    if (databaseName) await admin?.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin?.end();
  });

  const row = (overrides: Partial<ProposedCatalogRow>): ProposedCatalogRow => ({
    area: '义务教育', level1: '招生管理', level2: '招生计划', content: '●招生计划', basis: '《中华人民共和国义务教育法》',
    timeLimitText: '信息形成或者变更之日起20个工作日内', subject: '县教育局', departmentCodes: ['edu'], channels: ['政府网站'],
    audience: 'public', mode: 'proactive', levels: ['county'], category: 'execution', ...overrides,
  });
  /** Waits (in real time) for what the workflow's activities write after a timer fired. */
  async function eventually<T>(read: () => Promise<T[]>, what: string): Promise<T[]> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const rows = await read();
      if (rows.length > 0) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  const refusalOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return (error as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  };

  it('has two departments propose, returns one once, is legally reviewed, approved and activated with its diff', async () => {
    const roundId = randomUUID();
    const input: CatalogCompilationInput = {
      roundId, kind: 'annual', year: 2094, areas: ['义务教育', '社会救助'], departmentCodes: ['edu', 'civil'],
      dueAt: '2093-03-13T15:59:59.999Z', // the end of Friday 2093-03-13, China time
      legalReview: true, baseVersionId: DEMO_CATALOG_VERSION_ID, officeDepartmentCode: 'office', openedBy: office,
    };
    const client = harness.env.client;
    const opened = await client.workflow.executeUpdateWithStart(compilationRoundOpenedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(CATALOG_COMPILATION_WORKFLOW_TYPE, {
        workflowId: catalogCompilationWorkflowId(roundId), taskQueue: harness.taskQueue, args: [input], workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    expect(opened).toMatchObject({ state: 'PROPOSING', proposals: [{ departmentCode: 'edu', state: 'open' }, { departmentCode: 'civil', state: 'open' }] });
    const handle = client.workflow.getHandle(catalogCompilationWorkflowId(roundId));
    const submit = (actor: ActorRef, departmentCode: string, rows: CatalogRowProposal[]) => handle.executeUpdate(submitProposalUpdate, { args: [{ actor, departmentCode, rows }] });
    const review = (departmentCode: string, reviews: { code: string; decision: 'accept' | 'return'; comment?: string }[]) =>
      handle.executeUpdate(reviewProposalUpdate, { args: [{ actor: office, departmentCode, reviews }] });

    // A department proposes its own rows only.
    expect((await refusalOf(submit(civilDrafter, 'edu', [{ action: 'remove', code: 'EDU-001', source: { kind: 'law', reference: 'x' } }]))).type).toBe('Forbidden');

    const eduRows: CatalogRowProposal[] = [
      { action: 'add', code: 'EDU-003', row: row({}), source: { kind: 'power-list', reference: '权责清单 教育-017' } },
      { action: 'change', code: 'EDU-002', row: row({ level2: '招生范围', content: '●学区划分及调整' }), source: { kind: 'law', reference: '《义务教育法》第十二条' }, reason: '内容按学区划分细化' },
    ];
    expect((await submit(eduDrafter, 'edu', eduRows)).proposals[0]).toMatchObject({ state: 'submitted', revision: 1 });
    const assistRow = row({ area: '社会救助', level1: '综合业务', level2: '临时救助', content: '●临时救助标准', subject: '县民政局', departmentCodes: ['civil'], category: 'service' });
    await submit(civilDrafter, 'civil', [
      { action: 'add', code: 'ASSIST-002', row: { ...assistRow, timeLimitText: '尽快' }, source: { kind: 'service-item', reference: '公共服务事项 民政-003' } },
      { action: 'remove', code: 'SAFETY-001', source: { kind: 'law', reference: '职责调整' }, reason: '安全生产已由应急部门负责' },
    ]);

    // The office decides each row: all of edu's accepted, one of civil's returned with a comment.
    expect((await refusalOf(review('edu', [{ code: 'EDU-003', decision: 'accept' }]))).type).toBe('InvalidInput');
    expect((await refusalOf(review('civil', [{ code: 'ASSIST-002', decision: 'return' }, { code: 'SAFETY-001', decision: 'accept' }]))).type).toBe('InvalidInput');
    await review('edu', [{ code: 'EDU-003', decision: 'accept' }, { code: 'EDU-002', decision: 'accept' }]);
    const returned = await review('civil', [{ code: 'ASSIST-002', decision: 'return', comment: '公开时限须写明工作日数' }, { code: 'SAFETY-001', decision: 'accept' }]);
    expect(returned.proposals).toMatchObject([{ departmentCode: 'edu', state: 'accepted' }, { departmentCode: 'civil', state: 'returned', reviews: [{ code: 'ASSIST-002', decision: 'return', comment: '公开时限须写明工作日数' }, { code: 'SAFETY-001', decision: 'accept' }] }]);
    const drafterNotes = await setup.query(`SELECT kind, title, body FROM notifications WHERE recipient = 'civil.drafter' AND notification_key LIKE $1 ORDER BY id`, [`catalog-compilation-${roundId}:%`]);
    expect(drafterNotes.map((note: { title: string }) => note.title)).toEqual([expect.stringContaining('请提出本部门目录事项'), expect.stringContaining('目录事项被退回')]);
    expect(drafterNotes[1].body).toContain('ASSIST-002：公开时限须写明工作日数');

    // The reminder on the working day before the due day, then the due time: civil is still to resubmit.
    await harness.sleepUntil('2093-03-12T16:00:00Z');
    const reminded = await eventually<{ recipient: string }>(() => setup.query(`SELECT recipient FROM notifications WHERE notification_key = $1`, [`catalog-compilation-${roundId}:reminder:civil`]), 'the reminder');
    expect(reminded.map((r: { recipient: string }) => r.recipient)).toEqual(['civil.drafter']);
    expect(await setup.query(`SELECT 1 FROM notifications WHERE notification_key = $1`, [`catalog-compilation-${roundId}:reminder:edu`])).toEqual([]);
    await harness.sleepUntil('2093-03-13T16:00:01Z');
    const [overdueAudit] = await eventually<{ detail: Record<string, unknown> }>(() => setup.query(`SELECT detail FROM audit_events WHERE action = 'catalog-compilation.overdue' AND detail->>'roundId' = $1`, [roundId]), 'the overdue audit row');
    const late = await handle.query('catalogCompilationView');
    expect(late).toMatchObject({ overdue: true, proposals: [{ departmentCode: 'edu', overdue: false }, { departmentCode: 'civil', overdue: true }] });
    expect(overdueAudit.detail).toMatchObject({ departments: ['civil'], dueAt: input.dueAt });

    // Resubmitted, accepted: the round goes to the legal review the office asked for.
    await submit(civilDrafter, 'civil', [
      { action: 'add', code: 'ASSIST-002', row: assistRow, source: { kind: 'service-item', reference: '公共服务事项 民政-003' } },
      { action: 'remove', code: 'SAFETY-001', source: { kind: 'law', reference: '职责调整' }, reason: '安全生产已由应急部门负责' },
    ]);
    const allAccepted = await review('civil', [{ code: 'ASSIST-002', decision: 'accept' }, { code: 'SAFETY-001', decision: 'accept' }]);
    expect(allAccepted).toMatchObject({ state: 'LEGAL_REVIEW', proposals: [{ state: 'accepted' }, { state: 'accepted', revision: 2 }] });
    expect((await refusalOf(handle.executeUpdate(decideRoundUpdate, { args: [{ actor: leader, stage: 'leader-approval', decision: 'approve' }] }))).type).toBe('Conflict');
    expect((await handle.executeUpdate(decideRoundUpdate, { args: [{ actor: legal, stage: 'legal-review', decision: 'approve' }] })).state).toBe('LEADER_APPROVAL');
    expect((await refusalOf(handle.executeUpdate(decideRoundUpdate, { args: [{ actor: { ...leader, departmentCode: 'edu' }, stage: 'leader-approval', decision: 'approve' }] }))).type).toBe('Forbidden');
    const approved = await handle.executeUpdate(decideRoundUpdate, { args: [{ actor: leader, stage: 'leader-approval', decision: 'approve', comment: '同意' }] });
    expect(approved).toMatchObject({ state: 'APPROVED', resultVersionId: expect.any(String), diff: { added: ['ASSIST-002', 'EDU-003'], removed: ['SAFETY-001'], changed: ['EDU-002'] } });
    const versionId = approved.resultVersionId!;
    expect((await setup.query(`SELECT state FROM catalog_versions WHERE id = $1`, [versionId]))[0].state).toBe('draft');

    // Activation is the last step, by the office, audited.
    expect((await refusalOf(handle.executeUpdate(activateRoundUpdate, { args: [{ actor: eduDrafter }] }))).type).toBe('Forbidden');
    expect((await handle.executeUpdate(activateRoundUpdate, { args: [{ actor: office }] })).state).toBe('ACTIVATED');
    expect(await handle.result()).toMatchObject({ state: 'ACTIVATED' });
    const versions = await setup.query(`SELECT id, state FROM catalog_versions WHERE id = ANY($1) ORDER BY id`, [[versionId, DEMO_CATALOG_VERSION_ID]]);
    expect(Object.fromEntries(versions.map((v: { id: string; state: string }) => [v.id, v.state]))).toEqual({ [versionId]: 'active', [DEMO_CATALOG_VERSION_ID]: 'superseded' });
    const rows = await setup.query(`SELECT code, department_codes, time_limit_rule FROM catalog_items WHERE version_id = $1 AND code IN ('ASSIST-002', 'EDU-002', 'EDU-003', 'SAFETY-001') ORDER BY code`, [versionId]);
    expect(rows).toEqual([
      { code: 'ASSIST-002', department_codes: ['civil'], time_limit_rule: expect.objectContaining({ kind: 'working-days', count: 20 }) },
      { code: 'EDU-002', department_codes: ['edu'], time_limit_rule: expect.objectContaining({ kind: 'working-days' }) },
      { code: 'EDU-003', department_codes: ['edu'], time_limit_rule: expect.objectContaining({ kind: 'working-days' }) },
    ]);
    const [activation] = await setup.query(`SELECT actor, actor_role, detail FROM audit_events WHERE action = 'catalog.activated' AND detail->>'versionId' = $1`, [versionId]);
    expect(activation).toMatchObject({ actor: 'office.publisher', actor_role: 'disclosure-office', detail: { supersededVersionId: DEMO_CATALOG_VERSION_ID, via: 'workflow' } });
    const [round] = await setup.query(`SELECT state, overdue, result_version_id, diff FROM catalog_compilation_rounds WHERE id = $1`, [roundId]);
    expect(round).toMatchObject({ state: 'ACTIVATED', overdue: true, result_version_id: versionId, diff: { added: ['ASSIST-002', 'EDU-003'], removed: ['SAFETY-001'], changed: ['EDU-002'] } });
    const actions = await setup.query(`SELECT action FROM audit_events WHERE detail->>'roundId' = $1 ORDER BY id`, [roundId]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'catalog-compilation.opened', 'catalog-compilation.proposal-submitted', 'catalog-compilation.proposal-submitted',
      'catalog-compilation.proposal-accepted', 'catalog-compilation.proposal-returned', 'catalog-compilation.overdue',
      'catalog-compilation.proposal-submitted', 'catalog-compilation.proposal-accepted', 'catalog-compilation.legal-reviewed',
      'catalog-compilation.approved', 'catalog-compilation.compiled', 'catalog-compilation.activated',
    ]);
  });
});
