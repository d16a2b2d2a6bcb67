import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogItemEntity, CatalogVersionEntity } from '@zwgk/db';
import { ApiError } from '../common/api-error';
import { toCatalogItemResponse } from './catalog-item.mapper';

@Injectable()
export class CatalogService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The active catalog version; 409 when none has been activated yet. */
  async activeVersion(): Promise<CatalogVersionEntity> {
    const version = await this.dataSource.getRepository(CatalogVersionEntity).findOneBy({ state: 'active' });
    if (!version) throw ApiError.conflict('no catalog version is active yet; an admin must import and activate one');
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

  async searchActiveItems(area?: string, q?: string) {
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
    const items = await query.getMany();
    return { versionId: version.id, items: items.map(toCatalogItemResponse) };
  }

  async version(id: string) {
    const version = await this.dataSource.getRepository(CatalogVersionEntity).findOneBy({ id });
    if (!version) throw ApiError.notFound(`catalog version ${id} does not exist`);
    const items = await this.dataSource.getRepository(CatalogItemEntity).find({ where: { versionId: id }, order: { code: 'ASC' } });
    return { id: version.id, label: version.label, state: version.state, createdAt: version.createdAt, activatedAt: version.activatedAt, items: items.map(toCatalogItemResponse) };
  }
}
