import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  activateCatalogVersion,
  CatalogImportEntity,
  CatalogItemEntity,
  CatalogVersionEntity,
  importCatalogFiles,
  updateCatalogItem,
  type CatalogFile,
  type CatalogItemPatch,
} from '@zwgk/db';
import { catalogRowDraftingRefusal, diffCatalogVersions, type Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { requireCatalogAdmin } from './catalog-access';
import { toCatalogItem, toCatalogItemResponse } from './catalog-item.mapper';

@Injectable()
export class CatalogService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The active catalog version; 409 when none has been activated yet. */
  async activeVersion(): Promise<CatalogVersionEntity> {
    const version = await this.dataSource.getRepository(CatalogVersionEntity).findOneBy({ state: 'active' });
    if (!version) throw ApiError.conflict('尚未启用任何目录版本，请系统管理员先导入并启用目录');
    return version;
  }

  /** An item of the active version, or undefined. */
  async findActiveItem(code: string): Promise<{ version: CatalogVersionEntity; item: CatalogItemEntity } | undefined> {
    const version = await this.activeVersion();
    const item = await this.dataSource.getRepository(CatalogItemEntity).findOneBy({ versionId: version.id, code });
    return item ? { version, item } : undefined;
  }

  /** An item of a given version: a running item keeps the version it started under. */
  findItemInVersion(versionId: string, code: string): Promise<CatalogItemEntity | null> {
    return this.dataSource.getRepository(CatalogItemEntity).findOneBy({ versionId, code });
  }

  /** The active catalog's rows, by area and keyword; with `drafter`, only those their department may draft under. */
  async searchActiveItems(area?: string, q?: string, drafter?: Actor) {
    const version = await this.activeVersion();
    const query = this.dataSource
      .getRepository(CatalogItemEntity)
      .createQueryBuilder('item')
      .where('item.versionId = :versionId', { versionId: version.id })
      .orderBy('item.area')
      .addOrderBy('item.code');
    if (area) query.andWhere('item.area = :area', { area });
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(item.level1 ILIKE :pattern OR item.level2 ILIKE :pattern OR item.content ILIKE :pattern OR item.code ILIKE :pattern)', { pattern });
    }
    const items = (await query.getMany()).filter((item) => !drafter || catalogRowDraftingRefusal(drafter, item.departmentCodes ?? []) === undefined);
    return { versionId: version.id, items: items.map(toCatalogItemResponse) };
  }

  async versions() {
    const versions = await this.dataSource.getRepository(CatalogVersionEntity).find({ order: { createdAt: 'DESC' } });
    return { items: versions.map((v) => ({ id: v.id, label: v.label, state: v.state, createdAt: v.createdAt, createdBy: v.createdBy, activatedAt: v.activatedAt, activatedBy: v.activatedBy })) };
  }

  async version(id: string) {
    const version = await this.dataSource.getRepository(CatalogVersionEntity).findOneBy({ id });
    if (!version) throw ApiError.notFound(`目录版本 ${id} 不存在`);
    const items = await this.itemsOf(id);
    const report = await this.dataSource.getRepository(CatalogImportEntity).findOneBy({ versionId: id });
    return {
      id: version.id,
      label: version.label,
      state: version.state,
      createdAt: version.createdAt,
      createdBy: version.createdBy,
      activatedAt: version.activatedAt,
      activatedBy: version.activatedBy,
      // Items whose time limit needs a rule set by hand, shown to admins until they set one.
      manualRules: items.filter((item) => item.timeLimitRule.kind === 'manual').map((item) => ({ code: item.code, text: item.timeLimitText, file: item.sourceFile, row: item.sourceRow })),
      importReport: report ? { importId: report.id, importedBy: report.importedBy, importedAt: report.importedAt, files: report.files, itemCount: report.itemCount, warnings: report.warnings } : null,
      items: items.map(toCatalogItemResponse),
    };
  }

  private itemsOf(versionId: string): Promise<CatalogItemEntity[]> {
    return this.dataSource.getRepository(CatalogItemEntity).find({ where: { versionId }, order: { code: 'ASC' } });
  }

  async import(actor: Actor, files: CatalogFile[], label: string | undefined, requestId: string | undefined) {
    requireCatalogAdmin(actor);
    const report = await importCatalogFiles(this.dataSource, files, { username: actor.username, requestId, via: 'api' }, { label });
    return { ...report, state: 'draft' };
  }

  activate(actor: Actor, versionId: string, requestId: string | undefined) {
    requireCatalogAdmin(actor);
    return activateCatalogVersion(this.dataSource, versionId, { username: actor.username, requestId, via: 'api' });
  }

  async diff(fromId: string, toId: string) {
    for (const id of [fromId, toId]) {
      if (!(await this.dataSource.getRepository(CatalogVersionEntity).existsBy({ id }))) throw ApiError.notFound(`目录版本 ${id} 不存在`);
    }
    const [from, to] = await Promise.all([this.itemsOf(fromId), this.itemsOf(toId)]);
    const diff = diffCatalogVersions(from.map(toCatalogItem), to.map(toCatalogItem));
    return { from: fromId, to: toId, added: diff.added, removed: diff.removed, changed: diff.changed };
  }

  async updateItem(actor: Actor, versionId: string, code: string, patch: CatalogItemPatch, requestId: string | undefined) {
    requireCatalogAdmin(actor);
    const item = await updateCatalogItem(this.dataSource, versionId, code, patch, { username: actor.username, requestId, via: 'api' });
    return toCatalogItemResponse(item);
  }
}
