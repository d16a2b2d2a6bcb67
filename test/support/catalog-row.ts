import type { DisclosureItemInput } from '@zwgk/contracts';

type CatalogRow = DisclosureItemInput['catalogItem'];

/**
 * The demo catalog's EDU-001 (招生政策) as a workflow input carries it, for tests that start item workflows
 * directly; `overrides` change what the test is about (the rule, the interpretation flag).
 */
export function eduCatalogRow(overrides: Partial<CatalogRow> = {}): CatalogRow {
  return {
    code: 'EDU-001',
    area: '义务教育',
    level1: '招生管理',
    level2: '招生政策',
    content: '●随迁子女入学办法',
    basis: '《中华人民共和国政府信息公开条例》',
    subject: '县教育局',
    channels: ['政府网站'],
    mode: 'proactive',
    timeLimit: { text: '信息形成或者变更之日起20个工作日内', rule: { kind: 'working-days', count: 20, anchor: 'formed-or-changed' } },
    ...overrides,
  };
}
