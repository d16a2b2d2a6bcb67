import { Workbook } from 'exceljs';
import type { DataSource } from 'typeorm';
import { readCatalogVersionItems } from '@zwgk/db';
import {
  catalogItemName,
  catalogRowStanding,
  chinaDateOf,
  describeCatalogRowStanding,
  disclosureModeLabel,
  type CatalogItem,
  type CatalogRowStanding,
  type LocalDate,
} from '@zwgk/domain';

const CATEGORY_LABEL: Readonly<Record<string, string>> = { decision: '决策公开', execution: '执行公开', management: '管理公开', service: '服务公开', result: '结果公开' };
const AUDIENCE_LABEL = { public: '全社会', 'specific-group': '特定群体', both: '全社会、特定群体' } as const;
/** How many of a row's releases the page lists beside it (the count and the last date cover the rest). */
const RELEASES_SHOWN = 5;

export interface PublicCatalogRelease {
  readonly id: string;
  readonly title: string;
  readonly releasedAt: string;
}

/** One row of the active catalog as the public sees it: the six elements, and what was published under it. */
export interface PublicCatalogRow {
  readonly code: string;
  readonly area: string;
  readonly name: string;
  readonly level1: string;
  readonly level2: string;
  readonly level3: string | null;
  readonly content: string;
  readonly basis: string;
  readonly timeLimit: string;
  readonly subject: string;
  readonly departments: readonly { readonly code: string; readonly name: string }[];
  readonly channels: readonly string[];
  readonly audience: string;
  readonly mode: string;
  readonly category: string | null;
  readonly releases: { readonly count: number; readonly lastReleasedAt: string | null; readonly latest: readonly PublicCatalogRelease[] };
  readonly standing: CatalogRowStanding & { readonly label: string };
}

export interface PublicCatalogView {
  readonly version: { readonly id: string; readonly label: string; readonly activatedAt: string | null };
  /** The day the standings were judged on (China time). */
  readonly asOf: LocalDate;
  readonly filters: { readonly area: string | null; readonly department: { readonly code: string; readonly name: string } | null };
  readonly areas: readonly string[];
  readonly departments: readonly { readonly code: string; readonly name: string }[];
  readonly rows: readonly PublicCatalogRow[];
}

/** What is not there to show: no active catalog, an area or department the filter names that does not exist. */
export class PublicCatalogNotFound extends Error {}

/**
 * The public catalog (能监督) read from the read model: the active catalog's rows with their six elements,
 * and beside each what was actually released under it and whether the row is kept up. Plain functions of a
 * DataSource, so that the API service, the tests and a benchmark run the same SQL.
 */
export class PublicCatalogReader {
  constructor(private readonly dataSource: DataSource) {}

  async publicCatalogView(filters: { area?: string; department?: string } = {}, now: Date = new Date()): Promise<PublicCatalogView> {
    const [version]: { id: string; label: string; activated_at: Date | null }[] = await this.dataSource.query(`SELECT id, label, activated_at FROM catalog_versions WHERE state = 'active'`);
    if (!version) throw new PublicCatalogNotFound('尚未启用公开事项目录');
    const departments: { code: string; name: string }[] = await this.dataSource.query(`SELECT code, name FROM departments ORDER BY code`);
    const departmentName = new Map(departments.map((d) => [d.code, d.name]));
    const department = filters.department ? { code: filters.department, name: departmentName.get(filters.department) } : undefined;
    if (department && !department.name) throw new PublicCatalogNotFound(`没有编码为 ${filters.department} 的单位`);

    const all = await readCatalogVersionItems(this.dataSource, version.id);
    const areas = [...new Set(all.map((item) => item.area))].sort();
    if (filters.area && !areas.includes(filters.area)) throw new PublicCatalogNotFound(`现行目录没有“${filters.area}”领域`);
    const items = all.filter((item) => (!filters.area || item.area === filters.area) && (!department || (item.departmentCodes ?? []).includes(department.code)));
    const codes = items.map((item) => item.code);

    const releases: { code: string; id: string; title: string; released_at: Date }[] = await this.dataSource.query(
      `SELECT i.catalog_item_code AS code, i.id, e.title, e.released_at
         FROM item_editions e JOIN disclosure_items i ON i.id = e.item_id AND i.current_edition = e.edition
        WHERE i.state <> 'WITHDRAWN' AND i.catalog_item_code = ANY($1)
        ORDER BY e.released_at DESC, i.id DESC`,
      [codes],
    );
    const overdue: { code: string; n: number }[] = await this.dataSource.query(
      `SELECT catalog_item_code AS code, count(*)::int AS n FROM disclosure_items
        WHERE state NOT IN ('RELEASED', 'WITHDRAWN', 'REJECTED') AND (release_overdue OR release_due_at < $2) AND catalog_item_code = ANY($1)
        GROUP BY catalog_item_code`,
      [codes, now],
    );
    const today = chinaDateOf(now);
    const activeSince = version.activated_at ? chinaDateOf(version.activated_at) : today;
    const rows = items.map((item) => {
      const own = releases.filter((release) => release.code === item.code);
      const standing = catalogRowStanding(item.timeLimit.rule, { releaseDates: own.map((release) => chinaDateOf(release.released_at)), overdueItems: overdue.find((o) => o.code === item.code)?.n ?? 0, activeSince }, today);
      return toPublicRow(item, departmentName, own, standing);
    });
    return {
      version: { id: version.id, label: version.label, activatedAt: version.activated_at?.toISOString() ?? null },
      asOf: today,
      filters: { area: filters.area ?? null, department: department ? { code: department.code, name: department.name! } : null },
      areas,
      departments: departments.filter((d) => all.some((item) => (item.departmentCodes ?? []).includes(d.code))),
      rows,
    };
  }

  /** The same rows as a spreadsheet in the published layout, with the releases and standing beside each row. */
  async publicCatalogXlsx(filters: { area?: string; department?: string } = {}): Promise<Buffer> {
    const view = await this.publicCatalogView(filters);
    const workbook = new Workbook();
    for (const area of view.filters.area ? [view.filters.area] : [...new Set(view.rows.map((row) => row.area))]) {
      const sheet = workbook.addWorksheet(area.slice(0, 31));
      const header = ['序号', '公开事项', '', '', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '五公开类别', '责任部门', '已公开条数', '最近公开日期', '公开情况'];
      sheet.addRow([`${area}领域基层政务公开标准目录`]);
      sheet.mergeCells(1, 1, 1, header.length);
      sheet.addRow(header);
      sheet.addRow(['', '一级事项', '二级事项', '三级事项']);
      sheet.mergeCells(2, 2, 2, 4);
      for (const [index, title] of header.entries()) if (title && (index < 1 || index > 3)) sheet.mergeCells(2, index + 1, 3, index + 1);
      view.rows.filter((row) => row.area === area).forEach((row, index) => {
        sheet.addRow([
          String(index + 1), row.level1, row.level2, row.level3 ?? '', row.content, row.basis, row.timeLimit, row.subject,
          row.channels.map((channel) => `■${channel}`).join(''), row.audience, row.mode, row.category ?? '', row.departments.map((d) => d.name).join('、'),
          row.releases.count, row.releases.lastReleasedAt ? chinaDateOf(new Date(row.releases.lastReleasedAt)) : '', row.standing.label,
        ]);
      });
      sheet.getRow(1).font = { bold: true, size: 14 };
      sheet.columns.forEach((column, index) => (column.width = [6, 14, 14, 14, 40, 30, 24, 16, 20, 12, 12, 10, 16, 10, 14, 30][index] ?? 12));
    }
    if (workbook.worksheets.length === 0) workbook.addWorksheet('目录').addRow(['（无目录事项）']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** For the supervisors: the rows that are behind (定期公开 with no release in its period, items overdue), by department. */
  async catalogGaps(now: Date = new Date()) {
    const view = await this.publicCatalogView({}, now);
    const behind = view.rows.filter((row) => row.standing.status === 'behind');
    const byDepartment = new Map<string, { code: string; name: string; rows: PublicCatalogRow[] }>();
    for (const row of behind) {
      const owners = row.departments.length ? row.departments : [{ code: '', name: '未指定责任部门' }];
      for (const owner of owners) {
        const entry = byDepartment.get(owner.code) ?? { code: owner.code, name: owner.name, rows: [] };
        entry.rows.push(row);
        byDepartment.set(owner.code, entry);
      }
    }
    return {
      asOf: view.asOf,
      versionId: view.version.id,
      departments: [...byDepartment.values()]
        .sort((a, b) => b.rows.length - a.rows.length || a.code.localeCompare(b.code))
        .map((entry) => ({
          departmentCode: entry.code || null,
          departmentName: entry.name,
          count: entry.rows.length,
          rows: entry.rows.map((row) => ({ code: row.code, area: row.area, name: row.name, timeLimit: row.timeLimit, lastReleasedAt: row.releases.lastReleasedAt, standing: row.standing })),
        })),
    };
  }
}

function toPublicRow(item: CatalogItem, departmentName: ReadonlyMap<string, string>, releases: readonly { id: string; title: string; released_at: Date }[], standing: CatalogRowStanding): PublicCatalogRow {
  return {
    code: item.code,
    area: item.area,
    name: catalogItemName(item),
    level1: item.level1,
    level2: item.level2,
    level3: item.level3 ?? null,
    content: item.content,
    basis: item.basis,
    timeLimit: item.timeLimit.text,
    subject: item.subject,
    departments: (item.departmentCodes ?? []).map((code) => ({ code, name: departmentName.get(code) ?? code })),
    channels: item.channels,
    audience: AUDIENCE_LABEL[item.audience],
    mode: disclosureModeLabel(item.mode),
    category: item.category ? CATEGORY_LABEL[item.category] ?? null : null,
    releases: {
      count: releases.length,
      lastReleasedAt: releases[0]?.released_at.toISOString() ?? null,
      latest: releases.slice(0, RELEASES_SHOWN).map((release) => ({ id: release.id, title: release.title, releasedAt: release.released_at.toISOString() })),
    },
    standing: { ...standing, label: describeCatalogRowStanding(standing) },
  };
}
