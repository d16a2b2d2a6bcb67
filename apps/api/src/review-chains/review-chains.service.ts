import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAuditEvent } from '@zwgk/db';
import { DEFAULT_REVIEW_CHAIN, type Actor, type ReviewStage } from '@zwgk/domain';
import { ApiError } from '../common/api-error';

@Injectable()
export class ReviewChainsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list() {
    const rows: { id: string; department_code: string | null; catalog_item_code: string | null; stages: ReviewStage[]; updated_by: string; updated_at: Date }[] =
      await this.dataSource.query(`SELECT id::text, department_code, catalog_item_code, stages, updated_by, updated_at FROM review_chain_policies ORDER BY id`);
    return {
      default: DEFAULT_REVIEW_CHAIN,
      policies: rows.map((row) => ({ id: row.id, departmentCode: row.department_code, catalogItemCode: row.catalog_item_code, stages: row.stages, updatedBy: row.updated_by, updatedAt: row.updated_at })),
    };
  }

  /** Creates or replaces the policy for this scope; items submitted from now on follow it. */
  async set(actor: Actor, dto: { departmentCode?: string; catalogItemCode?: string; stages: ReviewStage[] }, requestId: string | undefined) {
    if (dto.departmentCode) {
      const [department] = await this.dataSource.query(`SELECT 1 FROM departments WHERE code = $1`, [dto.departmentCode]);
      if (!department) throw ApiError.invalid('departmentCode', `部门“${dto.departmentCode}”不存在`);
    }
    return this.dataSource.transaction(async (manager) => {
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO review_chain_policies (department_code, catalog_item_code, stages, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (coalesce(department_code, ''), coalesce(catalog_item_code, '')) DO UPDATE SET stages = EXCLUDED.stages, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING id::text`,
        [dto.departmentCode ?? null, dto.catalogItemCode ?? null, dto.stages, actor.username],
      );
      await writeAuditEvent(manager, {
        eventKey: `review-chain:${row.id}:${Date.now()}:${actor.username}`, actor: actor.username, actorRole: 'admin', departmentCode: actor.departmentCode,
        action: 'review-chain.set', detail: { policyId: row.id, ...dto }, requestId,
      });
      return { id: row.id, departmentCode: dto.departmentCode ?? null, catalogItemCode: dto.catalogItemCode ?? null, stages: dto.stages };
    });
  }
}
