import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_CHAIN_SELECT, verifyAuditChain, type AuditChainRow } from '@zwgk/db';
import type { Actor } from '@zwgk/domain';
import { ItemsService } from '../items/items.service';
import { parsePeriod } from './period';
import type { SearchAuditQuery } from './search-audit.query';

function toAuditEventResponse(row: AuditChainRow) {
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
    detail: JSON.parse(row.detail) as unknown,
    requestId: row.requestId,
    occurredAt: row.occurredAt,
    previousHash: row.previousHash,
    recordHash: row.recordHash,
  };
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
    const rows: AuditChainRow[] = await this.dataSource.query(
      `SELECT ${AUDIT_CHAIN_SELECT} FROM audit_events WHERE item_id = $1 ORDER BY audit_events.id`,
      [itemId],
    );
    return { itemId, ...verifyAuditChain(rows) };
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
}
