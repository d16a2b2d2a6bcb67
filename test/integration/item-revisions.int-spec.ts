import * as path from 'node:path';
import type { ApiClient } from '../support/api-client';
import { uploadAttachments } from '../support/review-path';
import { startSystem, type RunningSystem } from '../support/running-system';
import { buildPdf } from '../support/sample-files';
import { testServers } from '../support/test-environment';

interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}

/** The text of a diff as the earlier revision had it, and as the later one has it. */
function sides(parts: DiffPart[]): { before: string; after: string } {
  return { before: parts.filter((p) => !p.added).map((p) => p.value).join(''), after: parts.filter((p) => !p.removed).map((p) => p.value).join('') };
}

/**
 * Revisions (稿) and "my items" through the real API and worker: the content of every revision is kept by the
 * projection activities, a return and a revision show up as a character diff, and the drafter's list pages by
 * the latest change with each item's next deadline.
 */
describe('item revisions and my items', () => {
  let system: RunningSystem;
  let client: ApiClient;

  beforeAll(async () => {
    // Attachments go under this run's data folder, which the global teardown removes.
    process.env.ATTACHMENT_DIR = path.join(testServers().dataDir, 'attachments-revisions');
    system = await startSystem('revisions');
    client = system.client;
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    delete process.env.ATTACHMENT_DIR;
  });

  async function openTask(username: string, itemId: string) {
    return client.eventually(async () => {
      const inbox = await client.request('GET', '/tasks', { as: username });
      return inbox.body.items.find((task: { itemId: string }) => task.itemId === itemId) as { id: string } | undefined;
    }, `a task of ${itemId} for ${username}`);
  }

  async function decide(username: string, itemId: string, body: Record<string, unknown> = { decision: 'approve' }) {
    const task = await openTask(username, itemId);
    const response = await client.request('POST', `/tasks/${task.id}/complete`, { as: username, body });
    expect(response.status).toBe(200);
    return response.body;
  }

  async function create(title: string, body = '为做好2026年秋季招生工作，现将有关事项通知如下。', as = 'edu.drafter'): Promise<string> {
    const created = await client.request('POST', '/items', { as, body: { catalogItemCode: as.startsWith('civil') ? 'ASSIST-001' : 'EDU-001', title, body, formedAt: '2026-11-20' } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  it('keeps each revision\'s content, and diffs a returned draft against its revision character by character', async () => {
    const id = await create('秋季招生办法（征求意见稿）');
    // An edit while still a draft is the same revision 1.
    expect((await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: { body: '为做好2026年秋季招生工作，现将招生范围通知如下。' } })).status).toBe(200);
    expect((await client.request('POST', `/items/${id}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await decide('edu.reviewer', id, { decision: 'return', comment: '请写明报名时间' });

    // The returned item in my list: state, revision, the reviewer's comment.
    const mine = await client.eventually(async () => {
      const list = await client.request('GET', '/items?mine=true&state=RETURNED', { as: 'edu.drafter' });
      return list.body.items.find((item: { id: string }) => item.id === id) as Record<string, unknown> | undefined;
    }, 'the returned item in my list');
    expect(mine).toMatchObject({ state: 'RETURNED', revision: 2, returnComment: '请写明报名时间', nextDeadline: { kind: 'release', label: '法定公开时限' } });

    // A returned item takes attachments again (it is the drafter's to change until resubmitted).
    const attached = await uploadAttachments(client, 'edu.drafter', id, [{ name: '报名时间表.pdf', type: 'application/pdf', content: buildPdf('Registration times') }]);
    expect(attached.status).toBe(201);

    const revised = await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: { body: '为做好2026年秋季招生工作，现将招生范围和报名时间通知如下。', title: '秋季招生办法' } });
    expect(revised.status).toBe(200);
    const resubmitted = await client.request('POST', `/items/${id}/submit`, { as: 'edu.drafter' });
    expect(resubmitted.body).toMatchObject({ state: 'IN_REVIEW', revision: 2 });

    const revisions = await client.request('GET', `/items/${id}/revisions`, { as: 'edu.reviewer' });
    expect(revisions.status).toBe(200);
    expect(revisions.body).toMatchObject({
      currentRevision: 2,
      items: [
        { revision: 1, title: '秋季招生办法（征求意见稿）', changedFields: [] },
        { revision: 2, title: '秋季招生办法', changedFields: ['title', 'body'] },
      ],
    });

    const diff = await client.request('GET', `/items/${id}/revisions/1/diff/2`, { as: 'office.supervisor' });
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: { revision: 1 }, to: { revision: 2 }, changed: true });
    const byField = Object.fromEntries(diff.body.fields.map((f: { field: string }) => [f.field, f])) as Record<string, { changed: boolean; parts?: DiffPart[] }>;
    expect(byField.body!.changed).toBe(true);
    expect(sides(byField.body!.parts!)).toEqual({ before: '为做好2026年秋季招生工作，现将招生范围通知如下。', after: '为做好2026年秋季招生工作，现将招生范围和报名时间通知如下。' });
    expect(byField.body!.parts!.filter((p) => p.added).map((p) => p.value).join('')).toBe('和报名时间');
    expect(byField.body!.parts!.some((p) => p.removed)).toBe(false);
    expect(byField.title!.parts!.filter((p) => p.removed).map((p) => p.value).join('')).toBe('（征求意见稿）');
    // Unchanged fields say so, without repeating their text.
    expect(byField.formedAt).toEqual({ field: 'formedAt', label: '信息形成日期', changed: false });
    expect(byField.channels).toEqual({ field: 'channels', label: '发布渠道', changed: false });
    expect(byField.interpretation!.changed).toBe(false);

    // Bad and missing revisions; another department.
    const bad = await client.request('GET', `/items/${id}/revisions/x/diff/2`, { as: 'edu.drafter' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([{ field: 'from', problems: [expect.any(String)] }]);
    expect((await client.request('GET', `/items/${id}/revisions/1/diff/9`, { as: 'edu.drafter' })).status).toBe(404);
    expect((await client.request('GET', `/items/${id}/revisions`, { as: 'civil.drafter' })).status).toBe(403);
    expect((await client.request('GET', `/items/${id}/revisions/1/diff/2`, { as: 'civil.leader' })).status).toBe(403);
  });

  it('keeps the signed content of a revision when the drafter edits after 签发', async () => {
    const id = await create('签发后修改的事项');
    expect((await client.request('POST', `/items/${id}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await decide('edu.reviewer', id);
    await decide('edu.secrecy', id);
    const releaseAt = new Date(Date.now() + 3_600_000).toISOString();
    expect((await decide('edu.leader', id, { decision: 'approve', releaseAt })).item.state).toBe('APPROVED');
    const edited = await client.request('PATCH', `/items/${id}`, { as: 'edu.drafter', body: { title: '签发后修改的事项（更正）' } });
    expect(edited.body).toMatchObject({ state: 'IN_REVIEW', revision: 2 });
    const revisions = await client.eventually(async () => {
      const list = await client.request('GET', `/items/${id}/revisions`, { as: 'edu.drafter' });
      return list.body.items.length === 2 ? list.body.items : undefined;
    }, 'two revisions');
    expect(revisions.map((r: { revision: number; title: string }) => [r.revision, r.title])).toEqual([[1, '签发后修改的事项'], [2, '签发后修改的事项（更正）']]);
    const diff = await client.request('GET', `/items/${id}/revisions/1/diff/2`, { as: 'edu.drafter' });
    expect(diff.body.fields[0]).toMatchObject({ field: 'title', changed: true, parts: [{ value: '签发后修改的事项' }, { value: '（更正）', added: true }] });
  });

  it('lists my items newest change first with keyset pages, state filters, deadlines, and the department view for its head', async () => {
    const ids: string[] = [];
    for (const title of ['列表一', '列表二', '列表三']) ids.push(await create(title));
    const civil = await create('民政列表', '民政事项正文。', 'civil.drafter');
    expect((await client.request('POST', `/items/${ids[1]}/submit`, { as: 'edu.drafter' })).status).toBe(200);
    await openTask('edu.reviewer', ids[1]!);

    const first = await client.request('GET', '/items?limit=2', { as: 'edu.drafter' });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const seen: { id: string; updatedAt: string; drafter: string }[] = [...first.body.items];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const page = await client.request('GET', `/items?limit=2&cursor=${encodeURIComponent(cursor)}`, { as: 'edu.drafter' });
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    // Every item once, in updated_at order, only mine.
    expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);
    expect(seen.map((item) => item.updatedAt)).toEqual([...seen.map((item) => item.updatedAt)].sort().reverse());
    expect(seen.every((item) => item.drafter === 'edu.drafter')).toBe(true);
    expect(seen.map((item) => item.id)).toEqual(expect.arrayContaining(ids));
    expect(seen.map((item) => item.id)).not.toContain(civil);

    // The submitted one: its 初审 task is the next deadline (a working day, well before the statutory one).
    const inReview = (await client.request('GET', '/items?state=IN_REVIEW&limit=100', { as: 'edu.drafter' })).body.items.find((item: { id: string }) => item.id === ids[1]);
    expect(inReview).toMatchObject({ state: 'IN_REVIEW', revision: 1, nextDeadline: { kind: 'task', label: '初审办理时限', taskId: expect.any(String) }, attachmentCount: 0 });
    expect(typeof inReview.overdue).toBe('boolean');
    expect(typeof inReview.dueSoon).toBe('boolean');
    // Only this test's drafts: other suites running beside it may have a draft whose deadline is not recorded yet.
    const drafts = ((await client.request('GET', '/items?state=DRAFT&limit=100', { as: 'edu.drafter' })).body.items as { id: string; state: string; nextDeadline: { kind: string; dueAt: string } | null }[])
      .filter((item) => ids.includes(item.id));
    expect(drafts.map((item) => item.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(drafts.every((item) => item.state === 'DRAFT' && item.nextDeadline?.kind === 'release')).toBe(true);

    // The department head sees the department's items, not another department's; a drafter may not ask.
    const department = await client.request('GET', '/items?scope=department&limit=100', { as: 'edu.reviewer' });
    expect(department.status).toBe(200);
    expect(department.body.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining(ids));
    expect(department.body.items.map((item: { id: string }) => item.id)).not.toContain(civil);
    expect((await client.request('GET', '/items?scope=department', { as: 'edu.drafter' })).status).toBe(403);

    const invalid = await client.request('GET', '/items?state=LOST&limit=0', { as: 'edu.drafter' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'state']);
    const badCursor = await client.request('GET', '/items?cursor=bm9wZQ', { as: 'edu.drafter' });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.fields).toEqual([{ field: 'cursor', problems: [expect.any(String)] }]);
  });
});
