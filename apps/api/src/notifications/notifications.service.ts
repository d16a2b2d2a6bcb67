import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '@zwgk/db';
import type { Actor } from '@zwgk/domain';
import { ApiError } from '../common/api-error';

/** The in-app notification list: reminders, overdue notices, escalations, delegations. */
@Injectable()
export class NotificationsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(actor: Actor, unreadOnly: boolean, limit: number) {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipient = :recipient', { recipient: actor.username })
      .orderBy('n.id', 'DESC')
      .limit(limit);
    if (unreadOnly) query.andWhere('n.readAt IS NULL');
    const [items, unread] = await Promise.all([
      query.getMany(),
      this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.recipient = :recipient AND n.readAt IS NULL', { recipient: actor.username }).getCount(),
    ]);
    return {
      unread,
      items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, itemId: n.itemId, taskId: n.taskId, createdAt: n.createdAt, readAt: n.readAt })),
    };
  }

  /** Marks one of my notifications read; reading it twice changes nothing. */
  async markRead(actor: Actor, id: string) {
    if (!/^\d{1,18}$/.test(id)) throw ApiError.invalid('id', '须为通知编号');
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient = $2 RETURNING id`,
      [id, actor.username],
    );
    if (result[1] === 0) throw ApiError.notFound(`通知 ${id} 不存在`);
    return { id, read: true };
  }
}
