import type { ApiClient } from '../support/api-client';
import { startSystem, type RunningSystem } from '../support/running-system';

/**
 * Each catalog row names its responsible departments (责任部门), and only they draft items under it, over
 * HTTP against the real API, worker, Temporal and PostgreSQL.
 */
describe('catalog row ownership', () => {
  let system: RunningSystem;
  let client: ApiClient;

  beforeAll(async () => {
    system = await startSystem('catalog-ownership');
    ({ client } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const draft = (as: string, catalogItemCode: string) =>
    client.request('POST', '/items', { as, body: { catalogItemCode, title: `${catalogItemCode} 起草`, body: '正文', formedAt: '2026-11-02' } });

  it('names the responsible department of each row, matched from its 公开主体', async () => {
    const catalog = await client.request('GET', '/catalog/items', { as: 'edu.drafter' });
    const byCode = new Map((catalog.body.items as { code: string; subject: string; departmentCodes: string[] }[]).map((row) => [row.code, row]));
    // Suites with units of their own may share EDU-001 (shareActiveCatalogRow); civil never does.
    expect(byCode.get('EDU-001')).toMatchObject({ subject: '翔安区教育局', departmentCodes: expect.arrayContaining(['edu']) });
    expect(byCode.get('EDU-001')!.departmentCodes).not.toContain('civil');
    expect(byCode.get('ASSIST-001')).toMatchObject({ departmentCodes: ['civil'] });
    expect(byCode.get('PROJECT-002')).toMatchObject({ subject: '相关审批部门', departmentCodes: [] });
  });

  it('offers a drafter only the rows their department owns, and refuses a bad flag naming it', async () => {
    const offered = async (as: string) => ((await client.request('GET', '/catalog/items?forDrafting=true', { as })).body.items as { code: string; departmentCodes: string[] }[]);
    const civil = await offered('civil.drafter');
    expect(civil.map((row) => row.code)).toContain('ASSIST-001');
    expect(civil.every((row) => row.departmentCodes.includes('civil'))).toBe(true);
    expect((await offered('edu.drafter')).map((row) => row.code)).toEqual(expect.arrayContaining(['EDU-001']));
    // A row with no responsible department is offered to no one; without the flag every row is listed.
    expect((await offered('edu.drafter')).some((row) => row.code === 'PROJECT-002')).toBe(false);
    expect((await client.request('GET', '/catalog/items', { as: 'civil.drafter' })).body.items.some((row: { code: string }) => row.code === 'EDU-001')).toBe(true);
    const bad = await client.request('GET', '/catalog/items?forDrafting=yes', { as: 'civil.drafter' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((field: { field: string }) => field.field)).toEqual(['forDrafting']);
  });

  it('refuses an item for a department that does not own the row, naming the field, and drafts it for the owner', async () => {
    const refused = await draft('civil.drafter', 'EDU-001');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'catalog.row-not-owned', fields: [{ field: 'catalogItemCode' }] });
    expect(refused.body.message).toContain('责任部门');
    // Nothing was started: the refused drafter has no item, the owner's draft goes through.
    const mine = await client.request('GET', '/items', { as: 'civil.drafter' });
    expect((mine.body.items as { catalogItemCode: string }[]).some((item) => item.catalogItemCode === 'EDU-001')).toBe(false);
    expect((await draft('edu.drafter', 'EDU-001')).status).toBe(201);
    expect((await draft('civil.drafter', 'ASSIST-001')).status).toBe(201);
    expect((await draft('edu.drafter', 'ASSIST-001')).body.code).toBe('catalog.row-not-owned');
  });

  it('refuses every drafter on a row no department owns yet', async () => {
    const unassigned = await draft('edu.drafter', 'PROJECT-002');
    expect(unassigned.status).toBe(422);
    expect(unassigned.body).toMatchObject({ code: 'catalog.row-unassigned', fields: [{ field: 'catalogItemCode' }] });
  });
});
