import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AUDIT_CHAIN_SELECT, AUDIT_SUBJECTS, auditSubjectCondition, auditSubjectsOf, verifyAuditChain,
  type AuditChainRow, type AuditSubject, type AuditSubjectRule,
} from '@zwgk/db';
import type { Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';
import { ItemsService } from '../items/items.service';
import { parsePeriod } from './period';
import type { SearchAuditQuery } from './search-audit.query';

function toAuditEventResponse(row: AuditChainRow) {
  const detail = JSON.parse(row.detail) as Record<string, unknown>;
  return {
    id: row.id,
    eventKey: row.eventKey,
    itemId: row.itemId,
    taskId: row.taskId,
    actor: row.actor,
    actorRole: row.actorRole,
    departmentCode: row.departmentCode,
    action: row.action,
    reason: row.reason,
    detail,
    requestId: row.requestId,
    occurredAt: row.occurredAt,
    previousHash: row.previousHash,
    recordHash: row.recordHash,
    subjects: auditSubjectsOf({ action: row.action, detail }),
  };
}

/** A key in the shape its kind of object has, or 400 naming `key`, before it reaches SQL. */
function checkedSubject(subject: AuditSubject): AuditSubject {
  const rule: AuditSubjectRule = AUDIT_SUBJECTS[subject.scope];
  if (!rule.keyPattern.test(subject.key)) throw ApiError.invalid('key', `须为${rule.noun}的${rule.keyWords}`);
  return subject;
}

@Injectable()
export class AuditService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ItemsService) private readonly items: ItemsService,
  ) {}

  /** Recomputes the item's hash chain from its stored rows; 404/403 as for reading the item. */
  async verifyItemChain(actor: Actor, itemId: string) {
    await this.items.loadVisible(actor, itemId);
    return { itemId, ...verifyAuditChain(await this.chainRows(itemId)) };
  }

  /**
   * Recomputes every chain an object has rows in, each from its start up to the object's newest row in it:
   * the rows without an item share one chain, so a row of another object changed before this one's also
   * breaks it, and is named. Rows of the object written into an item's chain (a concern's) are checked there.
   */
  async verifySubjectChains(subject: AuditSubject) {
    const { scope, key } = checkedSubject(subject);
    await this.requireSubject(subject);
    const condition = auditSubjectCondition(subject, 1);
    const chains: { itemId: string | null; lastId: string; rows: number }[] = await this.dataSource.query(
      `SELECT item_id::text AS "itemId", max(id)::text AS "lastId", count(*)::int AS "rows" FROM audit_events
        WHERE ${condition.sql} GROUP BY item_id ORDER BY min(id)`,
      condition.params,
    );
    const checked = [];
    for (const chain of chains) checked.push({ itemId: chain.itemId, ...verifyAuditChain(await this.chainRows(chain.itemId, chain.lastId)) });
    const broken = checked.find((chain) => !chain.valid);
    return {
      scope,
      key,
      objectRecords: chains.reduce((sum, chain) => sum + chain.rows, 0),
      records: checked.reduce((sum, chain) => sum + chain.records, 0),
      valid: broken === undefined,
      ...(broken?.firstBrokenLink ? { firstBrokenLink: broken.firstBrokenLink } : {}),
      chains: checked,
    };
  }

  /** The trail, newest first, keyset-paginated by id so that new rows never shift a page. */
  async search(query: SearchAuditQuery) {
    const period = parsePeriod(query.from, query.to);
    const limit = query.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.actor !== undefined) add((p) => `actor = ${p}`, query.actor);
    if (query.action !== undefined) {
      if (query.action.endsWith('.')) add((p) => `starts_with(action, ${p})`, query.action);
      else add((p) => `action = ${p}`, query.action);
    }
    if (period.from) add((p) => `occurred_at >= ${p}`, period.from);
    if (period.to) add((p) => `occurred_at <= ${p}`, period.to);
    if (query.itemId !== undefined) add((p) => `item_id = ${p}`, query.itemId);
    if (query.scope !== undefined && query.key !== undefined) {
      const condition = auditSubjectCondition(checkedSubject({ scope: query.scope, key: query.key }), params.length + 1);
      where.push(condition.sql);
      params.push(...condition.params);
    }
    if (query.cursor !== undefined) add((p) => `id < ${p}::bigint`, query.cursor);
    params.push(limit + 1);
    const rows: AuditChainRow[] = await this.dataSource.query(
      `SELECT ${AUDIT_CHAIN_SELECT} FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY audit_events.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    return { items: page.map(toAuditEventResponse), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  /** One chain in id order: an item's, or (null) the chain of the rows without an item; up to a row when given. */
  private chainRows(itemId: string | null, upToId?: string): Promise<AuditChainRow[]> {
    const params: unknown[] = itemId === null ? [] : [itemId];
    const where = [itemId === null ? 'item_id IS NULL' : 'item_id = $1'];
    if (upToId !== undefined) {
      params.push(upToId);
      where.push(`id <= $${params.length}::bigint`);
    }
    return this.dataSource.query(`SELECT ${AUDIT_CHAIN_SELECT} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY audit_events.id`, params);
  }

  /** 404 for an object that does not exist, so that a mistyped key is not taken for an empty, intact trail. */
  private async requireSubject(subject: AuditSubject): Promise<void> {
    const rule: AuditSubjectRule = AUDIT_SUBJECTS[subject.scope];
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM ${rule.table} WHERE ${rule.keyColumn} = $1`, [subject.key]);
    if (rows.length === 0) throw ApiError.notFound(`${rule.noun}“${subject.key}”不存在`);
  }
}
