import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification: a reminder, an overdue notice, an escalation. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** With the recipient, makes a retried activity notify once. */
  @Column({ name: 'notification_key', type: 'varchar', length: 300 })
  notificationKey!: string;

  @Column({ type: 'varchar', length: 100 })
  recipient!: string;

  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId!: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
